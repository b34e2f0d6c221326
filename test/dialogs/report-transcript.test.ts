import { REPORT_STEP_IDS, reportDialog } from '../../dialogs/report';
import type { Language } from '../../src/domain/report';
import { SUMMARY_STEP, type Session } from '../../src/engine/session';
import { Transcript, words } from '../support/transcript';

/** What a member would type, per language. */
const TYPED = {
  sv: {
    yes: 'ja',
    no: 'nej',
    self: 'mig själv',
    other: 'någon annan',
    threat: 'hot',
    sms: 'sms',
    yesterday: 'igår',
    sendNow: 'skicka nu',
    tellMore: 'berätta mer',
    submit: 'skicka',
    cancel: 'avbryt',
    pause: 'pausa',
    back: 'tillbaka',
    skip: 'hoppa över',
    done: 'klar',
    dontKnow: 'vet inte',
  },
  en: {
    yes: 'yes',
    no: 'no',
    self: 'myself',
    other: 'someone else',
    threat: 'threat',
    sms: 'sms',
    yesterday: 'yesterday',
    sendNow: 'send now',
    tellMore: 'tell more',
    submit: 'send',
    cancel: 'cancel',
    pause: 'pause',
    back: 'back',
    skip: 'skip',
    done: 'done',
    dontKnow: "don't know",
  },
} as const;

const DESCRIPTION = {
  sv: 'En man skrev i ett sms att han vet var jag bor och att jag ska akta mig.',
  en: 'A man wrote in a text message that he knows where I live and that I should watch out.',
};

/** The questions shown, in order, as the member read them. */
function questionsAsked(t: Transcript, language: Language): string[] {
  const questionTexts = new Set(reportDialog.steps.map((s) => `bot: ${words(language, s.text)}`));
  return t.lines.filter((line) => questionTexts.has(line));
}

const question = (language: Language, stepId: string): string => {
  const step = reportDialog.steps.find((s) => s.id === stepId);
  if (!step) throw new Error(`no step ${stepId}`);
  return `bot: ${words(language, step.text)}`;
};

/** Starts a report and answers up to (not including) the description. */
function upToDescription(language: Language): Transcript {
  const w = TYPED[language];
  return new Transcript(language).start().say(w.no, w.self, w.threat);
}

/** Answers the essentials the quick way and stops at the summary. */
function essentials(language: Language): Transcript {
  const w = TYPED[language];
  return upToDescription(language).say(DESCRIPTION[language], w.sms, w.yesterday, w.sendNow);
}

describe.each(['sv', 'en'] as const)('the report dialog in %s', (language) => {
  const w = TYPED[language];
  const say = (key: string, params?: Record<string, string | number>) => words(language, key, params);

  it('introduces itself and mentions 112 before the first question, which is the emergency question', () => {
    const t = new Transcript(language).start();
    expect(t.last[0]).toBe(`bot: ${say('report.intro')}`);
    expect(t.last[0]).toContain('112');
    expect(t.last[1]).toBe(question(language, 'emergency'));
    expect(t.last).toContain(
      `[buttons: ${say('common.yes')} | ${say('common.no')} | ${say('report.emergency.choice.send_now')}]`,
    );
  });

  describe('"send now, tell more later" at the start', () => {
    it('sends the case to the district after who it is about, not urgent, with no "call 112 now"', () => {
      const t = new Transcript(language).start().say(w.sendNow);
      expect(t.lastText).not.toContain('urgent');
      expect(t.last[0]).toBe(question(language, 'on_behalf'));
      expect(t.emitted).toEqual([]);
      t.say(w.self);
      expect(t.emitted).toEqual([{ name: 'urgent', payload: { onBehalf: false, urgent: false } }]);
      expect(t.last[0]).toBe(question(language, 'categories'));
    });

    it('also by the button, and the report then is not urgent', () => {
      const t = new Transcript(language).start().press('send_now');
      t.say(w.self, w.threat, DESCRIPTION[language], w.sms, w.yesterday, w.sendNow, w.no, w.skip);
      expect(t.emitted).toHaveLength(1);
      expect(t.last[0]).toMatch(/^card: /);
      // The summary lists what happened, not how the member chose to go on.
      expect(t.lastText).not.toContain(say('report.emergency.choice.send_now'));
      expect(t.lastText).not.toContain(`${say('report.emergency.label')}:`);
      t.say(w.submit);
      expect(t.report).toMatchObject({ urgent: false, when: { ongoing: false }, consentMunicipality: false });
    });

    it('still lists the answer to "is anyone in danger" when it was yes or no', () => {
      const t = essentials(language);
      expect(t.last[0]).toMatch(/^card: /);
      expect(t.lastText).toContain(`${say('report.emergency.label')}: ${say('common.no')}`);
    });
  });

  describe('a way to reach the member', () => {
    const fastToReach = (): Transcript =>
      new Transcript(language)
        .start()
        .say(w.sendNow, w.self, w.threat, DESCRIPTION[language], w.sms, w.yesterday, w.sendNow, w.no);

    it('offers phone, e-mail or only the chat, and says only the owner sees it', () => {
      const t = fastToReach();
      expect(t.last[0]).toBe(question(language, 'reach'));
      expect(t.lastText).toContain(say('report.reach.hint'));
      expect(t.last).toContain(
        `[buttons: ${say('report.reach.choice.phone')} | ${say('report.reach.choice.email')} | ${say('report.reach.choice.chat')}]`,
      );
    });

    it('refuses what is not a phone number, saying what to fix, and keeps asking', () => {
      const t = fastToReach().press('phone').say('ring mig på kvällen');
      expect(t.last[0]).toBe(`bot: ${say('report.reach_phone.invalid')}`);
      expect(t.last[1]).toBe(question(language, 'reach_phone'));
      expect(t.session?.answers.reach_phone).toBeUndefined();
      t.say('12345').say('+46 70-123 45 67', w.submit);
      expect(t.report.reachAt).toEqual({ via: 'phone', value: '+46 70-123 45 67' });
    });

    it('refuses what is not an e-mail address, and keeps a good one', () => {
      const t = fastToReach().press('email').say('mira at example');
      expect(t.last[0]).toBe(`bot: ${say('report.reach_email.invalid')}`);
      t.say('mira@example.org');
      expect(t.last[0]).toMatch(/^card: /);
      expect(t.lastText).toContain(`${say('report.reach_email.label')}: mira@example.org`);
      t.say(w.submit);
      expect(t.report.reachAt).toEqual({ via: 'email', value: 'mira@example.org' });
    });

    it('keeps "only here in the chat" as a choice of its own', () => {
      const t = fastToReach().press('chat').say(w.submit);
      expect(t.report.reachAt).toEqual({ via: 'chat' });
    });

    it('is not asked on the quick path of a member who sent nothing first', () => {
      const t = essentials(language).say(w.submit);
      expect(questionsAsked(t, language)).not.toContain(question(language, 'reach'));
      expect(t.report.reachAt).toBeUndefined();
    });
  });

  describe('consent to share with the municipality', () => {
    const consentQuestion = (l: Language): string => `bot: ${words(l, 'report.consent_municipality.question')}`;
    const timesAsked = (t: Transcript): number => t.lines.filter((l) => l === consentQuestion(language)).length;

    it('is asked once on the fast path, in one question, and a yes is kept', () => {
      const t = new Transcript(language)
        .start()
        .say(w.yes, w.self, w.threat, DESCRIPTION[language], w.sms, 'nu', w.sendNow);
      expect(t.last[0]).toBe(consentQuestion(language));
      expect(t.last).toContain(`[buttons: ${say('common.yes')} | ${say('common.no')}]`);
      t.say(w.yes, w.skip);
      expect(t.last[0]).toMatch(/^card \(urgent\): /);
      expect(t.lastText).toContain(`${say('report.consent_municipality.label')}: ${say('common.yes')}`);
      t.say(w.submit);
      expect(t.report.consentMunicipality).toBe(true);
      expect(timesAsked(t)).toBe(1);
    });

    it('is asked once among the details when the member on the fast path tells more', () => {
      const t = new Transcript(language)
        .start()
        .say(w.yes, w.self, w.threat, DESCRIPTION[language], w.sms, 'nu', w.tellMore);
      for (let i = 0; i < 40 && t.stepId !== SUMMARY_STEP; i += 1) {
        t.say(t.stepId === 'consent_municipality' ? w.yes : w.skip);
      }
      t.say(w.submit);
      expect(t.report.consentMunicipality).toBe(true);
      expect(timesAsked(t)).toBe(1);
    });

    it('is not asked on the quick path of a member who sent nothing first (they can say yes later)', () => {
      const t = essentials(language).say(w.submit);
      expect(timesAsked(t)).toBe(0);
      expect(t.report.consentMunicipality).toBe(false);
    });

    it('flags the case urgent after a yes', () => {
      const t = new Transcript(language).start().say(w.yes, w.other);
      expect(t.emitted).toEqual([{ name: 'urgent', payload: { onBehalf: true, urgent: true } }]);
    });
  });

  describe('the emergency path', () => {
    it('says "call 112" as the very next message after a yes, before any other question', () => {
      const t = new Transcript(language).start().say(w.yes);
      expect(t.last[0]).toBe(`bot (urgent): ${say('report.emergency.call_112')}`);
      expect(t.last[0]).toContain('112');
      // Only then the dialog continues.
      expect(t.last[1]).toBe(question(language, 'on_behalf'));
    });

    it('also after a press of the yes button', () => {
      const t = new Transcript(language).start().press('yes');
      expect(t.last[0]).toMatch(/^bot \(urgent\): .*112/);
    });

    it('says nothing urgent after a no', () => {
      const t = new Transcript(language).start().say(w.no);
      expect(t.lastText).not.toContain('urgent');
      expect(t.last[0]).toBe(question(language, 'on_behalf'));
    });

    it('marks the report urgent and ongoing, and does not ask again whether it is ongoing', () => {
      const t = new Transcript(language)
        .start()
        .say(w.yes, w.self, w.threat, DESCRIPTION[language], w.sms, 'nu', w.tellMore);
      expect(t.last[0]).toBe(`bot: ${say('report.more.details_intro')}`);
      expect(t.last[1]).toBe(question(language, 'where_place'));
      t.say(w.cancel);
      expect(questionsAsked(t, language)).not.toContain(question(language, 'ongoing'));

      const quick = new Transcript(language)
        .start()
        .say(w.yes, w.self, w.threat, DESCRIPTION[language], w.sms, 'nu', w.sendNow);
      expect(quick.last[0]).toBe(question(language, 'consent_now'));
      quick.say(w.no);
      expect(quick.last[0]).toBe(question(language, 'reach'));
      quick.press('chat');
      expect(quick.last[0]).toMatch(/^card \(urgent\): /);
      quick.say(w.submit);
      expect(quick.report.urgent).toBe(true);
      expect(quick.report.when.ongoing).toBe(true);
      // "nu" is kept as the Stockholm wall time (09:30 UTC is 10:30 in March), never as a UTC instant.
      expect(quick.report.when.at).toBe('2026-03-10T10:30');
      expect(quick.lastText).toContain(`card (urgent): ${say('report.after.police.title')}`);
      expect(quick.lastText).toContain(say('report.after.police.urgent'));
    });
  });

  describe('the fast path with the essentials only', () => {
    it('asks seven questions, shows a summary and submits', () => {
      const t = essentials(language);
      expect(questionsAsked(t, language)).toEqual(
        ['emergency', 'on_behalf', 'categories', 'description', 'channels', 'when', 'more'].map((id) =>
          question(language, id),
        ),
      );
      expect(t.last[0]).toBe(`card: ${say('report.summary_title')}`);
      expect(t.lastText).toContain(`${say('report.description.label')}: ${DESCRIPTION[language]}`);
      expect(t.lastText).toContain(`${say('report.categories.label')}: ${say('report.category.threat')}`);
      expect(t.lastText).toContain(`${say('report.when.label')}: ${language === 'sv' ? '9 mars 2026' : '9 Mar 2026'}`);
      expect(t.lastText).toContain(say('summary.submit'));
      // "Send now or tell more" steers the dialog; it is a button on the summary, not a line of the report.
      expect(t.lastText).not.toContain(`${say('report.more.label')}:`);
      expect(t.lastText).not.toContain(say('report.more.choice.submit_now'));
      expect(t.lastText).toContain(say('report.more.summary_action'));

      t.say(w.submit);
      expect(t.session).toBeNull();
      expect(t.ended).toEqual([]);
      expect(t.report).toEqual({
        urgent: false,
        language,
        reporter: { onBehalf: false },
        target: {},
        categories: ['threat'],
        description: DESCRIPTION[language],
        channels: ['sms'],
        ladderStep: 'text_message',
        when: { at: '2026-03-09', ongoing: false },
        where: {},
        perpetrator: {},
        evidence: [],
        police: {},
        support: {},
        informed: {},
        consentMunicipality: false,
      });
    });

    it('follows the report with police guidance, evidence advice for the channel and what help is on offer', () => {
      const t = essentials(language).say(w.submit);
      const after = t.lastText;
      expect(after).toContain(`card: ${say('report.after.police.title')}`);
      for (const key of ['decision', 'numbers', 'office', 'protected', 'hate_crime', 'feedback']) {
        expect(after).toContain(say(`report.after.police.${key}`));
      }
      expect(after).toContain('112');
      expect(after).toContain('114 14');
      expect(after).toContain(say('report.after.evidence.general'));
      expect(after).toContain(say('report.after.evidence.sms'));
      expect(after).not.toContain(say('report.after.evidence.letter'));
      expect(after).toContain(say('report.after.help.not_police'));
      expect(after).toContain(say('report.after.help.no_assessment'));
      expect(after).toContain(say('report.after.help.party_only'));
    });

    it('submits with "send" typed or the button pressed', () => {
      const t = essentials(language).say({ kind: 'submit' });
      expect(t.report.description).toBe(DESCRIPTION[language]);
    });
  });

  describe('a full report on behalf of someone', () => {
    const full = (): Transcript =>
      new Transcript(language)
        .start()
        .say(w.no, w.other)
        .say('Kollega i fullmäktigegruppen / colleague', 'Alex Exempel, gruppledare', 'Sam Prov')
        .say('1, 4') // threat and harassment by number
        .say(DESCRIPTION[language])
        .press(['social_media', 'letter'])
        .say('2026-03-08 21:15', w.tellMore)
        .say(w.yes) // ongoing
        .say('Torget i Exempelby', 'https://social.example.org/post/1')
        .say({
          kind: 'attachments',
          files: [{ id: 'slack:F1', name: 'skarmdump.png', url: 'https://files.example.org/F1' }],
        })
        .say(w.done)
        .say('Brevet ligger i en plastpåse hemma.')
        .press('reported')
        .say('2026-03-09', 'K123456-26')
        .say(w.yes) // consent to share with the municipality
        .say(w.yes, 'Sällskap hem från möten', 'Kim Stöd')
        .say('Ledamot i kultur- och fritidsnämnden')
        .press('unknown')
        .press('one')
        .say('Man, ca 50 år, skånsk dialekt', 'Vet inte', w.dontKnow)
        .say(w.yes) // hate crime
        .say(w.no) // sexual character
        .say('Beslutet om nya moskén', 'Ingen', w.yes)
        .say('Skrämmande', 'Hennes partner', 'Ingen än', 'Sällskap till möten')
        .press('phone')
        .say('070-123 45 67');

    it('asks the who-questions and every detail, then submits every Bilaga 4 field', () => {
      const t = full();
      expect(t.last[0]).toBe(`card: ${say('report.summary_title')}`);
      const asked = questionsAsked(t, language);
      expect(asked).toContain(question(language, 'relation'));
      expect(asked).toContain(question(language, 'target_name'));
      expect(asked).toContain(question(language, 'police_case_number'));
      expect(asked).toContain(question(language, 'support_needs'));
      t.say(w.submit);

      expect(t.report).toEqual({
        urgent: false,
        language,
        reporter: {
          onBehalf: true,
          relation: 'Kollega i fullmäktigegruppen / colleague',
          nameAndRole: 'Alex Exempel, gruppledare',
        },
        target: { name: 'Sam Prov', role: 'Ledamot i kultur- och fritidsnämnden' },
        categories: ['threat', 'harassment'],
        hateCrimeMotive: 'yes',
        sexualCharacter: 'no',
        description: DESCRIPTION[language],
        channels: ['social_media', 'letter'],
        ladderStep: 'letter_or_parcel',
        when: { at: '2026-03-08T21:15', ongoing: true },
        where: { place: 'Torget i Exempelby', platformOrLink: 'https://social.example.org/post/1' },
        perpetrator: {
          known: 'unknown',
          count: 'one',
          description: 'Man, ca 50 år, skånsk dialekt',
          group: 'Vet inte',
          targetedOthers: 'dont_know',
        },
        trigger: 'Beslutet om nya moskén',
        witnesses: 'Ingen',
        reachedTarget: 'yes',
        experience: 'Skrämmande',
        measuresDecided: 'Sällskap till möten',
        evidence: [{ id: 'slack:F1', name: 'skarmdump.png', url: 'https://files.example.org/F1' }],
        evidenceNote: 'Brevet ligger i en plastpåse hemma.',
        police: { status: 'reported', contactedWhen: '2026-03-09', caseNumber: 'K123456-26' },
        support: { needed: 'yes', needs: 'Sällskap hem från möten', supportPerson: 'Kim Stöd' },
        informed: { relatives: 'Hennes partner', municipality: 'Ingen än' },
        consentMunicipality: true,
        reachAt: { via: 'phone', value: '070-123 45 67' },
      });
    });

    it('gives the advice that fits: hate crime, a police report already made, letters and social media', () => {
      const t = full().say(w.submit);
      const after = t.lastText;
      expect(after).toContain(say('report.after.police.hate_crime_yes'));
      expect(after).toContain(say('report.after.police.already_reported'));
      expect(after).toContain(say('report.after.evidence.letter'));
      expect(after).toContain(say('report.after.evidence.social_media'));
      expect(after).toContain(say('report.after.help.shared_municipality'));
      expect(after).not.toContain(say('report.after.help.party_only'));
    });

    it('asks for the name of the person targeted and will not skip it', () => {
      const t = new Transcript(language).start().say(w.no, w.other, 'Kollega', w.skip);
      expect(t.last[0]).toBe(question(language, 'target_name'));
      t.say(w.skip);
      expect(t.last[0]).toBe(`bot: ${say('engine.cannot_skip')}`);
      expect(t.last[1]).toBe(question(language, 'target_name'));
    });
  });

  describe('editing from the summary', () => {
    it('asks the question again and returns to the summary with the new value', () => {
      const t = essentials(language).say({ kind: 'edit', stepId: 'description' });
      expect(t.last[0]).toBe(question(language, 'description'));
      t.say('Ny beskrivning / new description');
      expect(t.last[0]).toBe(`card: ${say('report.summary_title')}`);
      expect(t.lastText).toContain(`${say('report.description.label')}: Ny beskrivning / new description`);
      expect(t.lastText).not.toContain(DESCRIPTION[language]);
      t.say(w.submit);
      expect(t.report.description).toBe('Ny beskrivning / new description');
    });

    it('asks the new questions an edit opens (on behalf of someone), then returns to the summary', () => {
      const t = essentials(language).say({ kind: 'edit', stepId: 'on_behalf' }).say(w.other);
      expect(t.last[0]).toBe(question(language, 'relation'));
      t.say('Kollega', w.skip, 'Sam Prov');
      expect(t.last[0]).toBe(`card: ${say('report.summary_title')}`);
      t.say(w.submit);
      expect(t.report.reporter).toEqual({ onBehalf: true, relation: 'Kollega' });
      expect(t.report.target).toEqual({ name: 'Sam Prov' });
    });

    it('goes on to the details when "tell more" is chosen from the summary', () => {
      const t = essentials(language).say({ kind: 'edit', stepId: 'more' }).say(w.tellMore);
      expect(t.last[1]).toBe(question(language, 'ongoing'));
      t.say(w.no, 'Hemma');
      expect(t.last[0]).toBe(question(language, 'where_link'));
      t.say(w.back);
      expect(t.last[0]).toBe(`card: ${say('report.summary_title')}`);
      t.say(w.submit);
      expect(t.report.where).toEqual({ place: 'Hemma' });
    });
  });

  describe('cancel', () => {
    it('asks once before throwing the report away, then ends with a plain message and submits nothing', () => {
      const t = upToDescription(language).say(w.cancel);
      expect(t.session).not.toBeNull();
      expect(t.ended).toEqual([]);
      expect(t.last[0]).toBe(`bot: ${say('engine.cancel_confirm.question')}`);
      expect(t.lastText).toContain(say('engine.cancel_confirm.yes'));
      t.say(w.yes);
      expect(t.session).toBeNull();
      expect(t.ended).toEqual(['cancelled']);
      expect(t.submitted).toEqual([]);
      expect(t.last[0]).toBe(`bot: ${say('engine.cancelled')}`);
    });

    it('also from the summary with its cancel button', () => {
      const t = essentials(language).say({ kind: 'control', control: 'cancel', stepId: '@summary' });
      expect(t.last[0]).toBe(`bot: ${say('engine.cancel_confirm.question')}`);
      t.say({ kind: 'answer', stepId: '@cancel', value: 'yes' });
      expect(t.session).toBeNull();
      expect(t.ended).toEqual(['cancelled']);
      expect(t.submitted).toEqual([]);
    });

    it('keeps the report when the member says no, or answers the question instead', () => {
      const t = upToDescription(language).say(w.cancel).say({ kind: 'answer', stepId: '@cancel', value: 'no' });
      expect(t.last).toEqual([`bot: ${say('engine.cancel_kept')}`, ...t.last.slice(1)]);
      expect(t.last[1]).toBe(question(language, 'description'));
      // Asked again, the member just goes on writing: that is the answer, and nothing is thrown away.
      t.say(w.cancel).say(DESCRIPTION[language]);
      expect(t.ended).toEqual([]);
      expect(t.last[0]).toBe(question(language, 'channels'));
      t.say(w.sms, w.yesterday, w.sendNow, w.submit);
      expect(t.report.description).toBe(DESCRIPTION[language]);
    });

    it('keeps a description that merely contains the word', () => {
      const t = upToDescription(language).say(`${w.cancel} ${w.cancel} – ${DESCRIPTION[language]}`);
      expect(t.ended).toEqual([]);
      expect(t.last[0]).toBe(question(language, 'channels'));
    });
  });

  describe('"is it dangerous?"', () => {
    const asks = { sv: ['är det farligt?', 'Ska jag vara rädd?'], en: ['is it dangerous?', 'Should I be afraid?'] }[
      language
    ];

    it.each(asks)('gets the calm answer at a choice question ("%s"), and the question again', (asked) => {
      const t = new Transcript(language).start().say(w.no, w.self).say(asked);
      expect(t.last[0]).toBe(`bot: ${say('engine.danger_answer')}`);
      expect(t.last[0]).toContain('112');
      expect(t.last[0]).toContain('114 14');
      expect(t.lastText).not.toContain(say('engine.invalid.multi'));
      expect(t.last[1]).toBe(question(language, 'categories'));
    });

    it.each(asks)('gets the calm answer at a free-text question ("%s") and is not stored as the answer', (asked) => {
      const t = upToDescription(language).say(asked);
      expect(t.last[0]).toBe(`bot: ${say('engine.danger_answer')}`);
      expect(t.last[1]).toBe(question(language, 'description'));
      expect(t.session?.answers.description).toBeUndefined();
    });

    it('is answered at the summary too, which stays as it was', () => {
      const t = essentials(language).say(asks[0] as string);
      expect(t.last[0]).toBe(`bot: ${say('engine.danger_answer')}`);
      expect(t.last[1]).toBe(`card: ${say('report.summary_title')}`);
    });

    it('leaves a description that only mentions danger as the answer', () => {
      const long = {
        sv: 'Han skrev att det kommer bli farligt för mig om jag röstar ja.',
        en: 'He wrote that it will be dangerous for me if I vote yes.',
      }[language];
      const t = upToDescription(language).say(long);
      expect(t.session?.answers.description).toBe(long);
    });
  });

  describe('pause and resume', () => {
    it('keeps the session through a restart of the session store and resumes where it stopped', () => {
      const t = upToDescription(language).say(w.pause);
      expect(t.last).toEqual([`bot: ${say('engine.paused')}`]);
      expect(t.lastText).toContain('112');

      t.restartStore().say({ kind: 'resume' });
      expect(t.last[0]).toBe(`bot: ${say('engine.resumed')}`);
      expect(t.last[1]).toBe(question(language, 'description'));

      t.say(DESCRIPTION[language], w.sms, w.yesterday, w.sendNow, w.submit);
      expect(t.report.categories).toEqual(['threat']);
      expect(t.report.description).toBe(DESCRIPTION[language]);
    });

    it('takes a typed answer after a pause as the answer to the waiting question', () => {
      const t = upToDescription(language).say(w.pause).restartStore().say(DESCRIPTION[language]);
      expect(t.last[0]).toBe(question(language, 'channels'));
    });
  });

  describe('a change of the dialog version', () => {
    const stored = (dialogVersion: number, answers: Session['answers'], stepId: string): Session => ({
      key: 'slack:U1',
      userId: 'slack:U1',
      displayName: 'Testperson',
      address: 'slack:T1:D1',
      dialogId: 'report',
      dialogVersion,
      language,
      stepId,
      answers,
      trail: Object.keys(answers),
      returnToSummary: false,
      paused: true,
      context: {},
      startedAt: '2026-03-01T10:00:00.000Z',
      updatedAt: '2026-03-01T10:05:00.000Z',
      revision: 4,
    });

    it('carries a version-1 session over, with its old step "what" as the description', () => {
      const old = stored(
        1,
        { emergency: 'no', on_behalf: 'self', categories: ['threat'], what: 'Gammal text' },
        'channels',
      );
      const t = new Transcript(language).resumeFrom(old).say({ kind: 'resume' });
      expect(t.last[0]).toBe(`bot: ${say('engine.version_migrated')}`);
      expect(t.last[1]).toBe(question(language, 'channels'));
      expect(t.session?.dialogVersion).toBe(reportDialog.version);

      t.say(w.sms, w.yesterday, w.sendNow, w.submit);
      expect(t.report.description).toBe('Gammal text');
    });

    it('restarts a version-0 session with a plain message, never a crash', () => {
      const old = stored(0, { fara: 'nej', vad: 'x' }, 'vad');
      const t = new Transcript(language).resumeFrom(old).say('hej');
      expect(t.last[0]).toBe(`bot: ${say('engine.version_restart')}`);
      expect(t.last[1]).toBe(`bot: ${say('report.intro')}`);
      expect(t.last[2]).toBe(question(language, 'emergency'));
      expect(t.session?.answers).toEqual({});
      expect(t.session?.dialogVersion).toBe(reportDialog.version);
    });
  });

  describe('a report that lacks an essential', () => {
    it('asks for what is missing instead of sending, then returns to the summary', () => {
      const atSummary: Session = {
        key: 'slack:U1',
        userId: 'slack:U1',
        displayName: 'Testperson',
        address: 'slack:T1:D1',
        dialogId: 'report',
        dialogVersion: reportDialog.version,
        language,
        stepId: '@summary',
        // As a store might hold it after a bug or a hand edit: no description.
        answers: {
          emergency: 'no',
          on_behalf: 'self',
          categories: ['threat'],
          channels: ['sms'],
          when: '2026-03-09',
          more: 'submit_now',
        },
        trail: [],
        returnToSummary: false,
        paused: false,
        context: {},
        startedAt: '2026-03-10T09:00:00.000Z',
        updatedAt: '2026-03-10T09:10:00.000Z',
        revision: 7,
      };
      const t = new Transcript(language).resumeFrom(atSummary).say({ kind: 'submit' });
      expect(t.submitted).toEqual([]);
      expect(t.last[0]).toBe(`bot: ${say('engine.missing')}`);
      expect(t.last[1]).toBe(question(language, 'description'));
      t.say(DESCRIPTION[language]);
      expect(t.last[0]).toBe(`card: ${say('report.summary_title')}`);
      t.say({ kind: 'submit' });
      expect(t.report.description).toBe(DESCRIPTION[language]);
    });
  });

  describe('stale button presses and going back', () => {
    it('ignores a press on an earlier question and shows the current one', () => {
      const t = upToDescription(language).say({ kind: 'answer', stepId: 'emergency', value: 'yes' });
      expect(t.last[0]).toBe(`bot: ${say('engine.stale')}`);
      expect(t.last[1]).toBe(question(language, 'description'));
      expect(t.lastText).not.toContain('urgent');
      t.say(DESCRIPTION[language], w.sms, w.yesterday, w.sendNow, w.submit);
      expect(t.report.urgent).toBe(false);
    });

    it('ignores a press on the summary after the report was already shown again', () => {
      const t = essentials(language).say({ kind: 'answer', stepId: 'more', value: 'tell_more' });
      expect(t.last[0]).toBe(`bot: ${say('engine.stale')}`);
      expect(t.last[1]).toBe(`card: ${say('report.summary_title')}`);
    });

    it('goes back one question and on again with the new answer', () => {
      const t = upToDescription(language).say(w.back);
      expect(t.last[0]).toBe(question(language, 'categories'));
      t.say('2').say(DESCRIPTION[language], w.sms, w.yesterday, w.sendNow, w.submit);
      expect(t.report.categories).toEqual(['violence_person']);
      expect(t.report.ladderStep).toBe('physical');
    });

    it('says so when there is nothing to go back to', () => {
      const t = new Transcript(language).start().say(w.back);
      expect(t.last[0]).toBe(`bot: ${say('engine.no_back')}`);
      expect(t.last[1]).toBe(question(language, 'emergency'));
    });
  });

  describe('bad input', () => {
    it('refuses an empty answer and asks again', () => {
      for (const empty of ['', '   ', '\u0000\u0007']) {
        const t = upToDescription(language).say(empty);
        expect(t.last[0]).toBe(`bot: ${say('engine.invalid.empty')}`);
        expect(t.last[1]).toBe(question(language, 'description'));
      }
    });

    it('refuses 10,000 characters with the limit in the message and stores nothing', () => {
      const t = upToDescription(language).say('x'.repeat(10_000));
      expect(t.last[0]).toBe(`bot: ${say('engine.invalid.too_long', { max: 4000, length: 10000 })}`);
      // The limit reads as people write numbers: 4 000 in Swedish, 4,000 in English.
      expect(t.last[0]).toContain(language === 'sv' ? '4\u00a0000' : '4,000');
      expect(t.session?.stepId).toBe('description');
      expect(t.session?.answers.description).toBeUndefined();
    });

    it.each([
      [
        'emoji and right-to-left text',
        'Hotet 😡🔪 kom med texten: مرحبا שלום',
        'Hotet 😡🔪 kom med texten: مرحبا שלום',
      ],
      ['control characters', 'Han\u0000 ringde\u0007 tre\u001b gånger', 'Han ringde tre gånger'],
      ['a Slack mention', '<!channel> skrev han i gruppen', '<!channel> skrev han i gruppen'],
      ['only a Slack mention', '<!channel>', '<!channel>'],
      ['a query operator', '{"$where": "1"}', '{"$where": "1"}'],
    ])('stores %s as plain text, without changing the flow', (_name, typed, stored) => {
      const t = upToDescription(language).say(typed);
      expect(t.last[0]).toBe(question(language, 'channels'));
      t.say(w.sms, w.yesterday, w.sendNow, w.submit);
      expect(t.report.description).toBe(stored);
    });

    it('understands typed words and numbers for choices', () => {
      const t = new Transcript(language).start().say(w.yes);
      expect(t.session?.answers.emergency).toBe('yes');
      t.say('2'); // "someone else" by number
      expect(t.last[0]).toBe(question(language, 'relation'));
      t.say(w.back, w.self, w.threat);
      expect(t.session?.answers.categories).toEqual(['threat']);
      t.say(w.back, 'threat, 3'); // English word and a number, in either language
      expect(t.session?.answers.categories).toEqual(['threat', 'violence_property']);
      t.say(DESCRIPTION[language], '2'); // e-mail by number
      expect(t.session?.answers.channels).toEqual(['email']);
    });

    it('understands the words of several choices, also choices of several words', () => {
      const typed = {
        sv: ['hot och våld mot person', 'sociala medier, sms'],
        en: ['threat and violence against a person', 'social media and phone call'],
      }[language];
      const t = upToDescription(language).say(w.back, typed[0] as string, DESCRIPTION[language], typed[1] as string);
      expect(t.session?.answers.categories).toEqual(['threat', 'violence_person']);
      expect(t.session?.answers.channels).toEqual(
        language === 'sv' ? ['social_media', 'sms'] : ['social_media', 'phone'],
      );
      expect(t.last[0]).toBe(question(language, 'when'));
    });

    it('understands "nej"/"no" and "hot"/"threat" whichever language the member writes', () => {
      const other = language === 'sv' ? TYPED.en : TYPED.sv;
      const t = new Transcript(language).start().say(other.no, other.self, other.threat);
      expect(t.session?.answers).toEqual({ emergency: 'no', on_behalf: 'self', categories: ['threat'] });
    });

    it('explains what is expected when a choice is not understood', () => {
      const t = new Transcript(language).start().say('kanske');
      expect(t.last[0]).toBe(`bot: ${say('engine.invalid.choice')}`);
      expect(t.last[1]).toBe(question(language, 'emergency'));
      t.say(w.no, w.self, 'banan');
      expect(t.last[0]).toBe(`bot: ${say('engine.invalid.multi')}`);
      expect(t.last[1]).toBe(question(language, 'categories'));
      t.say('9');
      expect(t.last[0]).toBe(`bot: ${say('engine.invalid.multi')}`);
    });

    it('refuses a date in the future and keeps own words for an approximate time', () => {
      const t = upToDescription(language).say(DESCRIPTION[language], w.sms, '2026-04-30');
      expect(t.last[0]).toBe(`bot: ${say('engine.invalid.future')}`);
      t.say('förra veckan / last week', w.sendNow, w.submit);
      expect(t.report.when).toEqual({ approximate: 'förra veckan / last week', ongoing: false });
    });

    it('keeps files sent early, even on the fast path', () => {
      const t = upToDescription(language)
        .say({ kind: 'attachments', files: [{ id: 'slack:F9', name: 'brev.jpg' }] })
        .say(DESCRIPTION[language], w.sms, w.yesterday, w.sendNow);
      expect(t.last[0]).toBe(question(language, 'evidence'));
      t.say(w.done, w.submit);
      expect(t.report.evidence).toEqual([{ id: 'slack:F9', name: 'brev.jpg' }]);
    });
  });

  it('shows the help of a question on request', () => {
    const t = essentials(language).say({ kind: 'edit', stepId: 'more' }).say(w.tellMore);
    t.say(w.no, w.skip, w.skip, 'hjälp');
    expect(t.last[0]).toBe(`bot: ${say('report.evidence.help')}`);
  });
});

describe('the report dialog as data', () => {
  it('exports its step ids in the order they are asked, the emergency question first', () => {
    expect(reportDialog.steps.map((s) => s.id)).toEqual([...REPORT_STEP_IDS]);
    expect(REPORT_STEP_IDS[0]).toBe('emergency');
    expect(reportDialog).toMatchObject({ id: 'report', version: 2 });
  });

  it('names the missing essentials when finishing without them', () => {
    expect(reportDialog.finish({ emergency: 'no', on_behalf: 'self' }, {}, 'sv')).toEqual({
      ok: false,
      missingStepIds: ['categories', 'description', 'channels', 'when'],
    });
    const onBehalf = { emergency: 'no', on_behalf: 'on_behalf', relation: 'Kollega', categories: ['threat'] };
    const result = reportDialog.finish({ ...onBehalf, description: 'x', channels: ['sms'], when: 'igår' }, {}, 'en');
    expect(result).toEqual({ ok: false, missingStepIds: ['target_name'] });
  });

  it('migrates version 1 only; anything older starts again', () => {
    expect(reportDialog.migrate(1, { emergency: 'no', what: 'text' })).toEqual({
      emergency: 'no',
      description: 'text',
    });
    expect(reportDialog.migrate(0, { emergency: 'no' })).toBeNull();
  });
});
