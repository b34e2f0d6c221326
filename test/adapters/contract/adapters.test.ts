import { adapterContract } from './adapter-contract';
import { consoleDriver, slackDriver, teamsDriver, webDriver } from './drivers';

/** One contract, every adapter: the same promises on each platform's fake. */
adapterContract('Slack', slackDriver);
adapterContract('Teams', teamsDriver);
adapterContract('web', webDriver);
adapterContract('console', consoleDriver);
