import { AuthenticationError } from 'botframework-connector';
import { CloudAdapter, StatusCodes, type Activity, type TurnContext } from 'botbuilder';

/** What to answer an activity request with: a status and, for an invoke or a failure, a body. */
export interface ActivityAnswer {
  status: number;
  body?: unknown;
}

/**
 * botbuilder's CloudAdapter, answering a parsed request body the way `process` does but without what `process`
 * builds on every request: four zod schemas made and run per activity (`z.record(z.unknown())` twice, `z.string()`,
 * its response and logic checks), a sixth of what an incoming activity cost Vaktpost beside the token check itself.
 * The steps are `process`'s (botbuilder 4.23, lib/cloudAdapter.js): a body that is no object is a 400, the timestamps
 * become dates, an activity without a type is a 400, a refused token a 401, any other failure a 500, and an invoke's
 * response is answered as given.
 */
export class TeamsCloudAdapter extends CloudAdapter {
  /** Told of a request that failed outside any turn (a refused token, a failing error boundary): for the log. */
  onRequestError: (error: unknown, status: number) => void = () => undefined;

  /** Runs `logic` for the activity in `body` (the parsed request body); never rejects. */
  async answer(
    body: unknown,
    authorization: string,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<ActivityAnswer> {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return { status: StatusCodes.BAD_REQUEST, body: 'the request body is not an activity' };
    }
    const activity = withDates(body as Record<string, unknown>);
    if (typeof activity.type !== 'string' || activity.type === '') return { status: StatusCodes.BAD_REQUEST };
    try {
      const invokeResponse = await this.processActivity(authorization, activity, logic);
      return { status: invokeResponse?.status ?? StatusCodes.OK, body: invokeResponse?.body };
    } catch (error) {
      const status =
        error instanceof AuthenticationError ? StatusCodes.UNAUTHORIZED : StatusCodes.INTERNAL_SERVER_ERROR;
      this.onRequestError(error, status);
      return { status, body: error instanceof Error ? error.message : 'failed' };
    }
  }
}

/** botbuilder's `validateAndFixActivity`: the ISO timestamps as dates, the strings kept beside them. */
function withDates(activity: Record<string, unknown>): Activity {
  for (const [field, raw] of [
    ['timestamp', 'rawTimestamp'],
    ['expiration', 'rawExpiration'],
    ['localTimestamp', 'rawLocalTimestamp'],
  ] as const) {
    const value = activity[field];
    if (typeof value === 'string') {
      activity[raw] = value;
      activity[field] = new Date(value);
    }
  }
  return activity as unknown as Activity;
}
