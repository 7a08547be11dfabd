import rule from '../../rules/inconsistent-return.js';
import { runRuleTests } from '../utils/rule-tester.js';
import { cases } from './inconsistent-return.cases.js';

runRuleTests(rule, cases);
