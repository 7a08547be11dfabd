import rule from '../../rules/generic-error.js';
import { runRuleTests } from '../utils/rule-tester.js';
import { cases } from './generic-error.cases.js';

runRuleTests(rule, cases);
