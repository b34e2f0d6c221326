/** Swedish wording of the police-report helper (seed 003 Bilaga 3; 000; 001; 004 §3.1.2–3.1.3). */
export const policeSv: Record<string, string> = {
  'police.title': 'Polisanmälan – text att läsa upp eller klistra in ({number})',
  'police.intro':
    'Ring polisen på 114 14 och läs upp texten nedan, eller klistra in den i polisens anmälan på polisen.se. Vaktpost anmäler ingenting själv.',
  'police.intro_urgent':
    'Är någon i fara just nu eller pågår det fortfarande: ring 112 först. Annars: ring 114 14 och läs upp texten nedan, eller klistra in den på polisen.se. Vaktpost anmäler ingenting själv.',
  'police.decision':
    'Det är den utsatta som bestämmer om det ska polisanmälas. Vi rekommenderar alltid att anmäla – hellre för mycket än för lite. Vem som helst kan göra anmälan.',
  'police.have_ready':
    'Ha till hands: den utsattas för- och efternamn, personnummer och kontaktuppgifter, och arbetsplatsens adress och telefonnummer.',
  'police.heading.what': 'Vad hände, när och var',
  'police.heading.office': 'Politiskt uppdrag',
  'police.heading.perpetrator': 'Vem gjorde det',
  'police.heading.evidence': 'Vittnen, bevis och skador',
  'police.heading.requests': 'Det här ber jag om',
  'police.text.blank': '(fyll i)',
  'police.text.the_person': 'den utsatta',
  'police.text.me': 'jag',
  'police.text.none_given': 'ingen beskrivning',
  'police.text.what': 'Det här hände: {text}',
  'police.text.kind': 'Det gäller: {categories}. Det skedde via: {channels}.',
  'police.text.when': 'När: {when}.',
  'police.text.ongoing': 'Det pågår fortfarande.',
  'police.text.where': 'Var: {where}.',
  'police.text.on_behalf': 'Jag gör anmälan för {name}. Min relation till hen: {relation}.',
  'police.text.office_other': '{name} är förtroendevald med politiskt uppdrag som {role} i {place}.',
  'police.text.office_self': 'Jag är förtroendevald med politiskt uppdrag som {role} i {place}.',
  'police.text.office_link': 'Händelsen kan ha samband med det politiska uppdraget.',
  'police.text.trigger': 'Möjlig utlösande orsak: {trigger}.',
  'police.text.perpetrator': 'Gärningsperson: {known}, {count}. Beskrivning: {description}.',
  'police.text.group': 'Gärningspersonen kan tillhöra en grupp: {group}.',
  'police.text.hate_crime':
    'Det finns ett hatbrottsmotiv (till exempel hudfärg, ursprung, religion eller sexuell läggning). Jag ber att det står i anmälan och utreds som hatbrott.',
  'police.text.hate_crime_maybe':
    'Det kan finnas ett hatbrottsmotiv (till exempel hudfärg, ursprung, religion eller sexuell läggning). Jag ber att det prövas.',
  'police.text.witnesses': 'Vittnen: {witnesses}.',
  'police.text.witnesses_blank': '(fyll i om någon annan såg eller hörde det)',
  'police.text.evidence': 'Sparade bevis: {evidence}. Inget är raderat.',
  'police.text.evidence_blank':
    'Sparade bevis: (fyll i – skärmbilder, sms, brev, inspelningar, filmer, foton). Spara allt, radera inget.',
  'police.text.injuries':
    'Skador: (fyll i om skadorna har dokumenterats hos sjukvården, var och när). Skador ska dokumenteras igen över tid, eftersom de kan bli tydligare.',
  'police.text.protected': 'Jag ber att anmälan blir åtkomstskyddad.',
  'police.text.feedback': 'Jag ber om löpande återkoppling från ansvarig utredare om hur ärendet hanteras.',
  'police.text.case_number': 'Polisens diarienummer: {number}.',
  'police.offer.title': 'Polisanmälan för {number}',
  'police.offer.text':
    'Vill du polisanmäla? Jag har en färdig text att läsa upp på 114 14 eller klistra in på polisen.se. När du har fått polisens diarienummer kan du lägga till det här.',
  'police.offer.has_number': 'Polisens diarienummer är sparat. Här finns texten till polisen om du behöver den igen.',
  'police.action.text': 'Hjälp med polisanmälan',
  'police.action.add_number': 'Lägg till polisens diarienummer',
  'police.action.change_number': 'Ändra polisens diarienummer',
  'police.input.number': 'Polisens diarienummer (står i bekräftelsen från polisen)',
  'police.number_saved': 'Tack. Polisens diarienummer {police} är sparat på ärende {number}.',
  'police.number_added': '{name} sparade polisens diarienummer {police} på ärende {number}.',
  'police.field.number': 'Polisens diarienummer',
  'police.digest.number_missing':
    'Polisanmälan: den utsatta ville anmäla, men inget diarienummer är sparat efter en vecka. Stäm av hur det gick.',
  'case.timeline.police_number': '{at} {by} sparade polisens diarienummer {detail}',
  'error.police.number_invalid':
    'Det ser inte ut som ett diarienummer. Skriv det som det står i bekräftelsen från polisen, till exempel 5000-K123456-26.',
};
