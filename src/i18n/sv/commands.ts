import type { CommandTable } from '../../engine/command-words';

/**
 * Swedish command words: a message that is exactly one of these (ignoring case, accents and punctuation) is the
 * command; a longer message that merely contains one ("jag vill inte avbryta") stays an answer.
 */
export const commandsSv: CommandTable = {
  back: ['tillbaka'],
  skip: ['hoppa över', 'hoppa'],
  pause: ['paus', 'pausa'],
  cancel: ['avbryt'],
  help: ['hjälp'],
  done: ['klar'],
  submit: ['skicka', 'skicka in'],
  resume: ['hej', 'hallå', 'fortsätt', 'rapportera'],
  cases: ['ärenden', 'mina ärenden'],
  status: ['hur går det', 'hur går det med mitt ärende', 'hur går det med ärendet', 'mitt ärende', 'läget', 'status'],
  menu: ['meny', 'vad kan du'],
  bind: ['koppla'],
  statistics: ['statistik'],
  readers: ['läsare'],
  erase: ['radera'],
  'language.sv': ['svenska'],
  'language.en': ['engelska'],
};
