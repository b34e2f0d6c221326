/**
 * The console's own words: its help and its few replies to commands. They belong to this terminal front end, not to
 * the bot (whose wording is in src/i18n), and are shown in Swedish with English after, like the help at start.
 */
export const CONSOLE_WORDS = {
  help: [
    'Vaktpost i terminalen. Skriv som till boten i ett privat samtal; svara med ord ("ja", "nej", "hot") eller nummer.',
    'Larm visas som distriktets kanal ser dem (#Distrikt); meddelanden till en person visas med @Namn.',
    '  /som <namn>    byt person (t.ex. /som kim), utan namn: lista personerna',
    '  /ta            ta det senast visade ärendet',
    '  5  eller  /knapp 5   tryck knapp [5] på senaste kortet (utanför en rapport)',
    '  /hjälp         den här hjälpen        /avsluta   avsluta (eller Ctrl-D)',
    '',
    'Vaktpost in the terminal. Write as you would to the bot in a direct chat; answer with words or numbers.',
    'Alerts are shown as the district channel sees them (#District); direct messages are marked @Name.',
    '  /as <name>     switch person (e.g. /as kim); without a name: list the people',
    '  /take          take the case shown last',
    '  5  or  /button 5     press button [5] of the latest card (outside a report)',
    '  /help          this help              /quit      leave (or Ctrl-D)',
  ].join('\n'),
  storage: (description: string): string => `Lagring / Storage: ${description}`,
  nowAs: (name: string, account: string): string =>
    `Du skriver nu som ${name} (${account}). / You are now ${name} (${account}).`,
  people: 'Personer / People:',
  unknownPerson: (who: string): string => `Ingen person "${who}" i katalogen. / No person "${who}" in the directory.`,
  noButton: (n: number): string => `Det finns ingen knapp [${n}] här. / There is no button [${n}] here.`,
  noTake: 'Det finns inget ärende att ta här. / There is no case to take here.',
  unknownCommand: (command: string): string =>
    `Okänt kommando ${command}. Skriv /hjälp. / Unknown command ${command}. Type /help.`,
  inputCancelled: 'Avbrutet, inget skickades. / Cancelled, nothing was sent.',
  chooseNumber: 'Välj med nummer eller namn. / Choose by number or name.',
  bye: 'Hej då. / Goodbye.',
} as const;
