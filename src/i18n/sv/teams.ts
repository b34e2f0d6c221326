/** Swedish wording that only the Teams adapter needs (its form controls and notices). */
export const teamsSv: Record<string, string> = {
  'teams.ok': 'OK',
  'teams.send': 'Skicka',
  'teams.choose': 'Välj …',
  'teams.input.required': 'Det här behöver fyllas i.',
  'teams.date': 'Datum',
  'teams.time': 'Klockslag (om du vet)',
  'teams.attachments.how':
    'Bifoga filer med gemet i meddelanderutan och skicka dem till mig. Tryck på "Klar" när du är färdig.',
  'teams.received': 'Mottaget.',
};
