/** English wording the Slack adapter adds around the core's prompts (pickers, uploads, modals). */
export const slackEn: Record<string, string> = {
  'slack.ok': 'OK',
  'slack.multi.hint': 'Tick all that apply, then press OK. You can also type your answer.',
  'slack.datetime.hint': 'Pick a date (and a time if you know it) and press OK, or type it in your own words.',
  'slack.datetime.date': 'Date',
  'slack.datetime.time': 'Time (if known)',
  'slack.attachments.hint':
    'Upload screenshots, photos or other files here in this conversation (the + button or drag and drop). Press "Done" when you are finished.',
  'slack.modal.submit': 'Save',
  'slack.modal.cancel': 'Cancel',
  'slack.modal.choose': 'Choose',
  'slack.modal.expired': 'That form could not be opened in time. Please press the button again.',
  'slack.truncated': 'Some of this was too long for Slack and has been shortened.',
};
