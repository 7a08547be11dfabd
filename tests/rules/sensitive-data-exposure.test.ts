import rule from '../../rules/sensitive-data-exposure.js';
import { runRuleTests } from '../utils/rule-tester.js';
import { cases } from './sensitive-data-exposure.cases.js';

runRuleTests(rule, cases);
