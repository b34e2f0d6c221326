/** Swedish guidance cards: before, during and after meetings (seeds 000, 001, 003), hate storms, digital safety. */
export const guidanceSv: Record<string, string> = {
  'guide.name': 'råden',
  'guide.menu': 'Råd och checklistor',
  'guide.menu_description':
    'Råd och checklistor: före, under och efter möten, när det stormar i sociala medier, och för ditt digitala skydd.',
  'guide.topic.question': 'Vad vill du läsa om?',
  'guide.topic.hint': 'Korta råd och checklistor. Är någon i fara just nu: ring 112.',
  'guide.topic.label': 'Ämne',
  'guide.emergency': 'Är någon i fara just nu: ring 112.',
  'guide.offer.title': 'Mer stöd när du orkar',
  'guide.offer.line': 'Korta råd som kan passa. Läs när det passar dig.',
  'guide.meeting_before.title': 'Före mötet eller aktiviteten',
  'guide.meeting_before.1':
    'Gör en riskinventering: skriv "riskinventering" så går vi igenom VEM, VAD, HUR, VAR och NÄR.',
  'guide.meeting_before.2':
    'Sök tillstånd hos polisen för möten på allmän plats, och prata gärna med dem innan. De ger råd om säkerheten.',
  'guide.meeting_before.3':
    'Var inte ensam om det finns en risk. Bestäm i förväg vem som gör vad och hur ni når varandra.',
  'guide.meeting_before.4': 'Ställ talarplatsen med ryggen fri, mot en vägg eller fond, och se var utgångarna finns.',
  'guide.meeting_before.5':
    'Ta reda på hur platsen ser ut. Planera resan dit och hem, och parkera inte på en enslig plats.',
  'guide.meeting_before.6':
    'I lokalen: titta på entrén, nödutgångarna, skyltarna, brandsläckarna och toaletterna, och efter saker som inte hör dit.',
  'guide.meeting_during.title': 'Under mötet',
  'guide.meeting_during.1': 'Ta inga onödiga risker. Ring 112 vid en hotfull situation.',
  'guide.meeting_during.2':
    'Håll avstånd och stå inte rakt framför en upprörd person. Var lugn, lyssna och ge alternativ.',
  'guide.meeting_during.3': 'Skapa andrum: gå till ett annat rum eller en annan plats, och ta gärna med någon.',
  'guide.meeting_during.4': 'Be vänligt men bestämt den som stör att gå. Ring polisen om det fortsätter.',
  'guide.meeting_during.5': 'Larma andra om det behövs, med rop eller telefon.',
  'guide.meeting_after.title': 'Efter mötet',
  'guide.meeting_after.1': 'Har någon skadats: sök vård, både för hjälpen och för att skadan blir dokumenterad.',
  'guide.meeting_after.2': 'Skriv ner vad som hände, före, under och efter. Spara bilder och meddelanden.',
  'guide.meeting_after.3':
    'Polisanmäl: 112 om det är akut, annars 114 14 eller polisen.se. Säg att du är förtroendevald och be om åtkomstskydd.',
  'guide.meeting_after.4': 'Rapportera det här, så får distriktets säkerhetsansvariga veta. Skriv "rapportera".',
  'guide.hate_storm.title': 'När det stormar i sociala medier',
  'guide.hate_storm.1':
    'Många hatiska inlägg kommer ofta från några få personer med många konton. Det är inte vad folk i stort tycker.',
  'guide.hate_storm.2':
    'Kommentera inte hot eller elaka inlägg, varken i flödet eller i intervjuer. Ge dem ingen luft.',
  'guide.hate_storm.3': 'Ta skärmbilder först, med datum och konto, innan du blockerar eller tar bort något.',
  'guide.hate_storm.4': 'Blockera och anmäl hotfulla konton till plattformen.',
  'guide.hate_storm.5':
    'Du behöver inte läsa allt själv. Någon du litar på kan gå in på ditt konto och blockera åt dig.',
  'guide.hate_storm.6':
    'Polisanmäl det som är obehagligt, också när det inte är ett uttalat hot. Hellre för mycket än för lite, men det är du som äger kontot som bestämmer.',
  'guide.digital.title': 'Skydda dig digitalt',
  'guide.digital.1': 'Använd tvåstegsverifiering (tvåfaktorsinloggning) på alla dina konton.',
  'guide.digital.2': 'Stäng av geotaggar och platsdelning i apparna.',
  'guide.digital.3': 'Håll isär privat och offentligt. Lägg inte ut bilder på dina barn i öppna flöden.',
  'guide.digital.4': 'Posta inte var du är just nu. Vänta tills du har gått därifrån.',
  'guide.digital.5': 'Fråga innan du lägger ut bilder på någon annan.',
};
