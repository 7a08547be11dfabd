import rule from '../../rules/unchecked-http-call.js';
import { runRuleTests } from '../utils/rule-tester.js';
import { cases } from './unchecked-http-call.cases.js';

runRuleTests(rule, cases);
