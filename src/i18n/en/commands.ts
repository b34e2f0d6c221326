import type { CommandTable } from '../../engine/command-words';

/** English command words; see the Swedish table for how they are matched. */
export const commandsEn: CommandTable = {
  back: ['back'],
  skip: ['skip'],
  pause: ['pause'],
  cancel: ['cancel'],
  help: ['help'],
  done: ['done'],
  submit: ['send', 'submit'],
  resume: ['hi', 'hello', 'continue', 'resume', 'report'],
  status: ['how is my case', 'how is my case going', 'how is it going', 'my case', 'status'],
  cases: ['cases', 'my cases'],
  menu: ['menu'],
  bind: ['bind'],
  readers: ['readers'],
  erase: ['erase'],
  statistics: ['statistics', 'stats'],
  'language.sv': ['swedish'],
  'language.en': ['english'],
};
