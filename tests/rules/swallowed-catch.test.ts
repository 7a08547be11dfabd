import rule from '../../rules/swallowed-catch.js';
import { runRuleTests } from '../utils/rule-tester.js';
import { cases } from './swallowed-catch.cases.js';

runRuleTests(rule, cases);
