/** Swedish wording the Slack adapter adds around the core's prompts (pickers, uploads, modals). */
export const slackSv: Record<string, string> = {
  'slack.ok': 'OK',
  'slack.multi.hint': 'Kryssa i allt som stämmer och tryck OK. Du kan också skriva ditt svar.',
  'slack.datetime.hint': 'Välj datum (och tid om du vet) och tryck OK, eller skriv med egna ord.',
  'slack.datetime.date': 'Datum',
  'slack.datetime.time': 'Tid (om du vet)',
  'slack.attachments.hint':
    'Ladda upp skärmbilder, foton eller andra filer här i konversationen (knappen + eller dra och släpp). Tryck "Klar" när du är färdig.',
  'slack.modal.submit': 'Spara',
  'slack.modal.cancel': 'Avbryt',
  'slack.modal.choose': 'Välj',
  'slack.modal.expired': 'Formuläret hann inte öppnas. Tryck på knappen igen.',
  'slack.truncated': 'En del av detta var för långt för Slack och har kortats.',
};
