import { raw, tx } from '../../../src/engine/prompt';
import { renderPrompt } from '../../../adapters/slack/render';
import { asEvent, messageIm, TEAM } from './payloads';
import { startSlackTestApp, type SlackTestApp } from './slack-test-app';

/** What a member might type that Slack would otherwise format, link, ping or unfurl. */
const TYPED = '*fet* _kursiv_ `kod` ~struken~ https://evil.example.org <!channel> <@U1> #allmant';

type Block = { type: string; text?: { type: string; text: string; verbatim?: boolean }; fields?: Block['text'][] };
const textObjects = (blocks: unknown[]): Array<{ type: string; text: string; verbatim?: boolean }> =>
  (blocks as Block[]).flatMap((b) => [
    ...(b.text ? [b.text] : []),
    ...((b.fields ?? []) as Array<NonNullable<Block['text']>>),
  ]);

describe('text a person wrote, posted to Slack', () => {
  it('is plain text in a card (the owner’s case view): no formatting, link or mention, every character kept', () => {
    const { blocks } = renderPrompt(
      {
        kind: 'card',
        card: {
          title: tx('label.field.description'),
          tone: 'normal',
          fields: [
            { label: tx('label.field.description'), value: raw(TYPED) },
            { label: tx('label.field.categories'), value: tx('label.category.threat') },
          ],
          sections: [{ heading: tx('label.section.evidence'), lines: [raw(`skärmdump.png: ${TYPED}`)] }],
        },
      },
      'sv',
    );
    const objects = textObjects(blocks);
    const holding = objects.filter((o) => o.text.includes('kursiv'));
    expect(holding.length).toBe(2);
    for (const o of holding) {
      expect(o.type).toBe('plain_text');
      expect(o.text).toContain('*fet* _kursiv_ `kod` ~struken~ https://evil.example.org &lt;!channel&gt; &lt;@U1&gt;');
    }
    // The core's own wording keeps its bold label, and never links or mentions either.
    const ownWords = objects.filter((o) => o.type === 'mrkdwn');
    expect(ownWords.length).toBeGreaterThan(0);
    expect(ownWords.every((o) => o.verbatim === true)).toBe(true);
    expect(ownWords.some((o) => /^\*.+\*\n/.test(o.text))).toBe(true);
  });

  it('is plain text in a message that carries it', () => {
    const { blocks } = renderPrompt({ kind: 'message', text: tx('bot.case.noted', { number: TYPED }) }, 'sv');
    expect(textObjects(blocks).map((o) => o.type)).toEqual(['plain_text']);
  });
});

describe('requests from another Slack workspace', () => {
  let t: SlackTestApp;
  beforeEach(async () => {
    t = await startSlackTestApp();
  });
  afterEach(() => t.close());

  it('are acknowledged and dropped unread; the installed workspace (from auth.test) is served', async () => {
    const foreign = asEvent(messageIm('U1', 'hej', { extra: {} }));
    const body = foreign.body.replace(new RegExp(TEAM, 'g'), 'T0STRANGER');
    const refused = await t.deliver({ ...foreign, body });
    expect(refused.status).toBe(200);
    expect(t.turns).toHaveLength(0);
    expect(t.logger.lines).toContainEqual(
      expect.objectContaining({
        message: 'slack: request from another workspace refused',
        fields: { code: 'slack.wrong_team' },
      }),
    );
    const own = await t.deliver(asEvent(messageIm('U1', 'hej')));
    expect(own.status).toBe(200);
    expect(t.turns).toHaveLength(1);
  });
});
