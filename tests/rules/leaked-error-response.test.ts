import rule from '../../rules/leaked-error-response.js';
import { runRuleTests } from '../utils/rule-tester.js';
import { cases } from './leaked-error-response.cases.js';

runRuleTests(rule, cases);
