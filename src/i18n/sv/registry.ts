/** Swedish wording of the dialog registry: names of dialogs in a sentence, and what is said when one waits. */
export const registrySv: Record<string, string> = {
  'report.name': 'din rapport',
  'bot.district.name': 'valet av distrikt',
  'bot.district.unknown': 'Det distriktet finns inte längre. Skriv "distrikt" och välj igen.',
  'bot.dialog.finish_first':
    'Vi gör klart {open} först. Inget av det du har skrivit försvinner. Sedan kan du börja med {wanted}.',
  'bot.dialog.waits': 'Jag sparar {open} så länge, dina svar finns kvar. Vi tar det här först.',
  'bot.dialog.waiting_title': 'Du har något påbörjat',
  'bot.dialog.waiting': 'Du har kvar {open}, med de svar du redan har gett. Fortsätt när du vill.',
  'bot.dialog.continue': 'Fortsätt',
  'bot.dialog.unknown_name': 'det du hade påbörjat',
  'bot.dialog.none': 'Du har inget påbörjat just nu. Skriv "meny" så visar jag vad du kan göra.',
  'bot.menu.title': 'Vad vill du göra?',
  'bot.menu.intro': 'Är någon i fara just nu: ring 112.',
  'bot.menu.cases': 'Mina ärenden',
};
