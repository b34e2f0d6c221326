/** English wording of the dialog engine: controls, errors, summary. */
export const engineEn: Record<string, string> = {
  'common.yes': 'Yes',
  'common.no': 'No',
  'common.dont_know': "Don't know",
  'common.several': '{count} choices',
  'control.back': 'Back',
  'control.skip': 'Skip',
  'control.pause': 'Pause',
  'control.cancel': 'Cancel',
  'control.help': 'Help',
  'control.done': 'Done',
  'summary.intro': 'This is your report. You can change any answer before you send it.',
  'summary.submit': 'Send the report',
  'summary.edit': 'Change',
  'engine.progress': '{part} {current} of {total}',
  'engine.part.questions': 'Question',
  'engine.dialog_gone': 'This report cannot be continued. Write "report" to start again.',
  'engine.already_started': 'You already have a report in progress. We continue where you were.',
  'engine.resumed': 'Welcome back. We continue where you stopped.',
  'engine.paused':
    'Your report is saved. Write to me whenever you want to go on, also days from now. If anyone is in danger now: call 112.',
  'engine.cancel_confirm.question':
    'Do you want to cancel and throw the report away? What you have written will not be kept.',
  'engine.cancel_confirm.yes': 'Yes, throw it away',
  'engine.cancel_confirm.no': 'No, go on',
  'engine.cancel_kept': 'Good, we go on. Nothing has been removed.',
  'engine.danger_answer':
    "I can't judge that, and you don't have to judge it alone. The police can assess how dangerous it is. If someone is in danger right now: call 112. Otherwise you can call the police on 114 14. What you have told me so far is saved.",
  'engine.cancelled_case_kept':
    'The report is cancelled. The alert has already gone out, so case {number} stays with the security contacts. If anyone is in danger: call 112.',
  'engine.cancelled': 'The report is cancelled and nothing has been stored. You can start again whenever you like.',
  'engine.help':
    'Answer with the buttons or type your answer. You can write "back", "skip", "pause", "cancel" or "svenska". If anyone is in danger now: call 112.',
  'engine.no_back': 'This is the first question.',
  'engine.cannot_skip': 'This question is needed before the report can be sent.',
  'engine.at_summary': 'Press "Send the report" (or write "send"), or choose an answer to change.',
  'engine.stale': 'That question has already been answered. This is where we are now:',
  'engine.missing': 'One answer is still needed before the report can be sent:',
  'engine.files_received': 'Thank you, I now have {count} files saved as evidence. Send more or press "Done".',
  'engine.files_received#one': 'Thank you, I now have one file saved as evidence. Send more or press "Done".',
  'engine.version_migrated':
    'The report form has been updated since you started. Your answers are kept; we go on here.',
  'engine.version_restart':
    'The report form has changed so much since you started that we need to begin again. Sorry for the trouble.',
  'engine.language_changed': 'I will write in English from now on.',
  'engine.invalid.empty': 'I did not get an answer. Type your answer or use the buttons.',
  'engine.invalid.too_long':
    'The answer is too long ({length} characters). At most {max} characters, please shorten it.',
  'engine.invalid.yesno': 'Please answer "yes" or "no".',
  'engine.invalid.choice': 'Choose one of the options, by button, number or word.',
  'engine.invalid.multi': 'Choose one or more options, e.g. "1, 3" or the words.',
  'engine.invalid.datetime':
    'Write the date as 2026-11-20 or 2026-11-20 14:30, or in your own words, e.g. "the evening before yesterday".',
  'engine.invalid.future': 'That date is in the future. Please write when it happened.',
  'engine.invalid.attachments': 'Send files here (screenshots, photos) or press "Done" when you are finished.',
  'engine.invalid.unknown': 'I did not understand that. Here is the question again:',
};
