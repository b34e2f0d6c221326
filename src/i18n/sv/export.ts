/** Swedish wording of the incident report export: the questions of seed 003 Bilaga 4, word for word. */
export const exportSv: Record<string, string> = {
  'export.title': 'Incidentrapport',
  'export.subtitle': 'Ärende {number} · {district} · inkom {submitted}',
  'export.footer':
    'Skapad {at} av Vaktpost för {name}. Innehåller känsliga personuppgifter: dela bara med dem som behöver dem.',
  'export.q.reporter': 'Vem rapporterar incidenten? (Namn, funktion, relation till den utsatte)',
  'export.q.target': 'Vem utsattes? (Namn, nämnd/styrelse)',
  'export.q.what':
    'Vad utsattes personen för? (Beskriv händelsen så detaljerat som möjligt. Hot, våld, trakasserier, skadegörelse, korruption? Via brev, telefonsamtal, sms, personligt framfört?)',
  'export.q.when_where':
    'När och var inträffade händelsen? Var det någon annan som såg händelsen? (Exempelvis annan förtroendevald, familjemedlem. Nådde hotet fram till den tänkta mottagaren?)',
  'export.q.perpetrator':
    'Vem/vilka utsatte den förtroendevalda? (Känd, okänd förövare? En eller flera personer? Kön, ungefärlig ålder, kroppsbyggnad och längd? Dialekt, utmärkande drag som ärr och kläder så som skor? Har förövaren utsatt andra förtroendevalda?)',
  'export.q.group': 'Antas förövaren tillhöra en gruppering av något slag? (Ja/nej. Om ja, vilken?)',
  'export.q.trigger':
    'Finns någon känd utlösande faktor? (Exempelvis särskild politisk fråga, ett beslut eller annat?)',
  'export.q.measures': 'Beslut om eventuella åtgärder? (Exempelvis polisanmälan, skyddsåtgärder för den utsatte?)',
  'export.q.experience':
    'Hur upplevde den utsatte incidenten? (Skrämmande eller inte? Allvarligt menad eller inte? Andra känslor/upplevelser?)',
  'export.q.police_contacted': 'Har polisen kontaktats?',
  'export.q.police_when': 'Om ja, när?',
  'export.q.police_reported': 'Har incidenten polisanmälts?',
  'export.q.police_wanted': 'Om inte, vill den utsatte att incidenten polisanmäls?',
  'export.q.support_needed': 'Har den utsatte uttryckt behov av stöd/hjälp?',
  'export.q.support_needs': 'Om ja, vilka behov?',
  'export.q.support_received': 'Har den utsatte fått stöd/hjälp?',
  'export.q.support_description': 'Beskrivning av stöd/hjälp/andra åtgärder',
  'export.q.relatives_informed': 'Har anhöriga informerats',
  'export.q.relatives_who': 'Vem/vilka?',
  'export.q.party_informed':
    'Har säkerhetsansvarig i partiet eller annan ledande förtroendevald i partiet informerats?',
  'export.q.municipality_informed': 'Har eventuella kommunala verksamheter informerats?',
  'export.q.municipality_who': 'Vem/vilka?',
  'export.answer.labelled': '{label}: {value}',
  'export.answer.ongoing': 'Det pågick fortfarande när det rapporterades.',
  'export.answer.owner': 'Ärendet hanteras av {name} (säkerhetsansvarig) i Vaktpost.',
  'export.answer.shared': 'Ärendet är delat med {name} med den utsattes samtycke.',
  'export.action': 'Incidentrapport (utskrift/PDF)',
  'export.links.title': 'Incidentrapport för ärende {number}',
  'export.links.html': 'Utskriftsvänlig sida: {url}',
  'export.links.pdf': 'PDF: {url}',
  'export.links.note':
    'Länkarna gäller i {minutes} minuter och bara för det här ärendet. De leder till känsliga uppgifter: dela dem inte. Varje hämtning skrivs i ärendets händelser.',
  'case.timeline.exported': '{at} {by} hämtade incidentrapporten ({detail})',
  'error.export.link_invalid':
    'Länken gäller inte längre (den gäller en kort stund). Hämta en ny från ärendet i chatten.',
  'error.export.not_allowed':
    'Incidentrapporten kan bara hämtas av ärendets ansvariga, och av kommunen när ärendet har delats med samtycke.',
};
