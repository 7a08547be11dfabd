import rule from '../../rules/console-logging.js';
import { runRuleTests } from '../utils/rule-tester.js';
import { cases } from './console-logging.cases.js';

runRuleTests(rule, cases);
