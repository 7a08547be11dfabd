import rule from '../../rules/lost-error-context.js';
import { runRuleTests } from '../utils/rule-tester.js';
import { cases } from './lost-error-context.cases.js';

runRuleTests(rule, cases);
