/** English wording of the dialog registry: names of dialogs in a sentence, and what is said when one waits. */
export const registryEn: Record<string, string> = {
  'report.name': 'your report',
  'bot.district.name': 'the choice of district',
  'bot.district.unknown': 'That district no longer exists. Write "district" and choose again.',
  'bot.dialog.finish_first':
    'Let us finish {open} first. Nothing you have written is lost. Then you can start {wanted}.',
  'bot.dialog.waits': 'I am keeping {open} for now, your answers are saved. Let us do this first.',
  'bot.dialog.waiting_title': 'Something is waiting for you',
  'bot.dialog.waiting': 'You still have {open}, with the answers you already gave. Continue whenever you like.',
  'bot.dialog.continue': 'Continue',
  'bot.dialog.unknown_name': 'what you had started',
  'bot.dialog.none': 'You have nothing in progress right now. Write "menu" and I will show what you can do.',
  'bot.menu.title': 'What would you like to do?',
  'bot.menu.intro': 'If anyone is in danger right now: call 112.',
  'bot.menu.cases': 'My cases',
};
