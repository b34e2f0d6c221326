/** Swedish wording of the bot's commands, confirmations and errors. */
export const botSv: Record<string, string> = {
  'bot.district.question': 'Vilket distrikt hör du (eller den utsatta) till?',
  'bot.district.hint':
    'Då når rapporten rätt säkerhetsansvariga. Jag kommer ihåg svaret; skriv "distrikt" för att byta.',
  'bot.district.label': 'Distrikt',
  'bot.district.saved': 'Tack. Jag har sparat distriktet {district}.',
  'bot.urgent_alerted':
    'Jag har redan larmat {recipients}. Ditt ärende har nummer {number}. Ring 112 om du inte redan har gjort det. Svara gärna på frågorna här när du kan – det du berättar hamnar i samma ärende.',
  'bot.sent_first':
    'Jag har skickat det till {recipients}. Ditt ärende har nummer {number}. Svara gärna på frågorna här när du kan – det du berättar hamnar i samma ärende.',
  'bot.submitted.completed': 'Tack. Allt du har berättat finns nu i ärende {number}.',
  'member.add.title': 'Lägga till i {number}?',
  'member.add.text':
    'Du har ett öppet ärende, {number}. Vill du lägga till det du just skickade i det? Då ser den som hjälper dig det.',
  'member.add.text_several': 'Du har flera öppna ärenden. Vilket vill du lägga till det du just skickade i?',
  'member.add.button': 'Ja, lägg till i {number}',
  'member.add.new_report': 'Nej, det är något nytt',
  'member.add.nothing': 'Jag har inget kvar att lägga till. Skicka det igen, så frågar jag var det ska in.',
  'member.add.done': 'Tack, det är tillagt i {number}. Säkerhetsansvariga ser det i ärendet.',
  'member.add.done_owner': 'Tack, det är tillagt i {number}. {name} har fått veta det.',
  'member.status.title': 'Dina öppna ärenden',
  'member.status.none': 'Du har inga öppna ärenden just nu. Skriv "rapportera" om något har hänt.',
  'member.status.helper': '{name} hjälper dig sedan {time}.',
  'member.status.waiting': 'Ingen har tagit det än. Du får veta här så fort någon gör det.',
  'member.consent.give': 'Dela med kommunen',
  'member.consent.withdraw': 'Dela inte med kommunen',
  'member.consent.given':
    'Tack. Ärende {number} får nu delas med kommunens säkerhetsansvariga. Den som hjälper dig kan göra det.',
  'member.consent.withdrawn':
    'Ärende {number} delas inte med kommunen. Har det redan delats, säg till den som hjälper dig.',
  'member.reach.change': 'Ändra hur vi når dig',
  'member.reach.title': 'Hur når vi dig i {number}?',
  'member.reach.text': 'Bara den som tar hand om ärendet ser det. Nu: {current}.',
  'member.reach.phone_input': 'Ditt telefonnummer',
  'member.reach.email_input': 'Din e-postadress',
  'member.reach.saved': 'Tack. Nu vet den som tar hand om ärende {number} hur du vill bli nådd.',
  'bot.submitted':
    'Tack. Din rapport är mottagen som ärende {number} och har gått till {recipients}. Du får veta här när någon har tagit den.',
  'bot.submitted.urgent':
    'Tack. Din rapport är mottagen som AKUT ärende {number} och har gått till {recipients}. Har du inte redan ringt 112 – gör det nu.',
  'bot.submitted.owned':
    'Rapporten är sparad som ärende {number} i {district}. Du har tagit första samtalet och är ansvarig för uppföljningen.',
  'bot.cases.open_title': 'Öppna ärenden i dina distrikt',
  'bot.cases.mine_title': 'Dina ärenden',
  'bot.cases.none_open': 'Inga öppna ärenden just nu.',
  'bot.cases.none_mine': 'Du har inga ärenden.',
  'bot.home.title': 'Vaktpost',
  'bot.home.intro':
    'Här rapporterar du hot, hat, trakasserier och våld kopplat till ditt politiska uppdrag. Är någon i fara just nu: ring 112.',
  'bot.home.report': 'Rapportera en händelse',
  'bot.bind.unknown_district': 'Jag hittar inget distrikt "{district}". Skriv t.ex. "bind norrby" med distriktets id.',
  'bot.bind.not_contact': 'Bara säkerhetsansvariga i {district} kan koppla en kanal till distriktet.',
  'bot.bind.done': 'Klart. Larm för {district} kommer hit från och med nu.',
  'bot.slow_down':
    'Nu kom det väldigt många meddelanden på en gång, så jag hinner inte svara på vart och ett. Ta det lugnt: vänta en minut och skriv sedan igen, så fortsätter vi där vi var. Är någon i fara just nu, ring 112.',
  'bot.no_session': 'Du har ingen rapport påbörjad. Skriv "rapportera" för att börja.',
  'bot.help':
    'Jag hjälper dig att rapportera hot, hat, trakasserier och våld kopplat till ditt politiska uppdrag. Skriv "rapportera" för att börja, "ärenden" för att se dina ärenden, "distrikt" för att byta distrikt, "english" för engelska. Är någon i fara just nu: ring 112.',
  'bot.channel_help':
    'I en kanal förstår jag "bind <distrikt>", "ärenden" och "statistik" (statistiken kommer privat till dig). Rapporter görs i ett privat samtal med mig.',
  'bot.unknown_action': 'Den knappen känner jag inte igen längre. Skriv "hjälp" så visar jag vad du kan göra.',
  'bot.case.ticked': 'Punkten är avbockad i {number}.',
  'bot.case.noted': 'Anteckningen är sparad i {number}.',
  'bot.case.handover_offered': 'Överlämningen av {number} är erbjuden. Du är ansvarig tills den tackar ja.',
  'bot.case.handover_accepted': 'Du är nu ansvarig för ärendet. Den som rapporterade har fått veta det.',
  'bot.case.handover_declined': 'Du tackade nej. Den nuvarande ansvariga har fått veta det.',
  'bot.case.shared': '{number} är delat med kommunens säkerhetsansvariga.',
  'bot.case.closed': '{number} är avslutat.',
  'bot.case.reopened': '{number} är öppnat igen.',
  'error.case.not_found': 'Jag hittar inget sådant ärende.',
  'error.case.already_taken': 'Ärendet togs redan av {name} kl. {time}. Tack för att du var snabb.',
  'error.case.not_allowed': 'Det här kan bara distriktets säkerhetsansvariga eller central säkerhetsansvarig göra.',
  'error.case.not_owner': 'Det här kan bara den ansvariga för ärendet göra.',
  'error.case.closed': 'Ärendet är avslutat. Öppna det igen först.',
  'error.case.not_closed': 'Uppföljningen är inte klar. Skriv varför ärendet ändå ska avslutas, så avslutar jag det.',
  'error.case.no_consent':
    'Den utsatta har inte sagt ja till att ärendet delas med kommunen, så det delas inte. Fråga den utsatta först.',
  'error.case.no_municipality': 'Distriktet har ingen kommun angiven i katalogen, så ärendet kan inte delas.',
  'error.case.handover_not_pending': 'Det finns ingen överlämning till dig att svara på.',
  'error.case.handover_invalid':
    'Ärendet kan bara lämnas över till en säkerhetsansvarig i distriktet eller central säkerhetsansvarig.',
  'error.case.conflict': 'Ärendet ändrades samtidigt av någon annan. Försök igen.',
  'error.checklist.unknown_item': 'Den punkten finns inte i uppföljningen.',
  'error.config.invalid': 'Inställningarna är felaktiga.',
  'error.directory.invalid': 'Katalogen är felaktig.',
  'error.input.invalid': 'Det gick inte att förstå. Försök igen.',
  'error.store.duplicate': 'Det fanns redan.',
  'error.store.locked': 'Jag kan inte spara just nu. Försök igen om en stund. Är någon i fara: ring 112.',
  'error.store.unavailable': 'Jag kan inte spara just nu. Försök igen om en stund. Är någon i fara: ring 112.',
  'error.session.not_found': 'Du har ingen rapport påbörjad.',
  'error.internal':
    'Något gick fel hos mig. Det du har skrivit är sparat så långt det hann. Försök igen om en stund. Är någon i fara: ring 112.',
  'bot.privacy.session_expired':
    'Du hade börjat på {open} men blev inte klar. För din säkerhet har jag nu tagit bort det du hade skrivit, ' +
    'så att det inte ligger kvar här. Du kan börja om när du vill, skriv bara "meny". ' +
    'Är någon i fara just nu: ring 112.',
  'bot.privacy.not_central': 'Det kan bara den centrala säkerhetsansvariga göra, i ett privat samtal med mig.',
  'bot.privacy.readers_usage': 'Skriv "läsare" och ärendenumret, till exempel: läsare VP-2026-0042',
  'bot.privacy.erase_usage': 'Skriv "radera" och personens användar-id, till exempel: radera slack:U0123ABCD',
  'bot.privacy.no_case': 'Jag hittar inget ärende {number}.',
  'bot.privacy.no_readers': 'Ingen har läst ärende {number} ännu.',
  'bot.privacy.readers_title': 'Vem har läst {number}',
  'bot.privacy.reader_line': '{at} · {name} ({role}) · {parts}',
  'bot.privacy.parts.all': 'hela ärendet',
  'bot.privacy.parts.status': 'status och ansvarig',
  'bot.privacy.role.owner': 'ansvarig',
  'bot.privacy.role.contact': 'säkerhetsansvarig',
  'bot.privacy.role.central': 'central säkerhetsansvarig',
  'bot.privacy.role.municipality': 'kommunen',
  'bot.privacy.role.reporter': 'den som rapporterade',
  'bot.privacy.role.exposed': 'den utsatta',
  'bot.privacy.role.none': 'ingen roll',
  'bot.privacy.erased':
    'Uppgifterna om {person} är raderade: {count} ärenden anonymiserade ({numbers}), {sessions} påbörjade rapporter borttagna. Det är antecknat i granskningsloggen.',
};
