/** Swedish wording about the evidence files Vaktpost keeps and copies to the case's owner. */
export const evidenceSv: Record<string, string> = {
  'evidence.member.too_large':
    'Filen {name} är för stor för att sparas här (högst {limit} MB). Spara den själv och radera den inte. Berätta för den som hjälper dig att du har den.',
  'evidence.member.download_failed':
    'Filen {name} gick inte att hämta. Skicka den gärna en gång till. Spara originalet och radera inget.',
  'evidence.owner.file': 'Bevis i ärende {number}: {name}\nSHA-256: {sha256}',
  'evidence.owner.link': 'Öppna filen (länken gäller i {hours} timmar)',
  'evidence.line.kept': '{name} · SHA-256 {sha256}',
  'evidence.line.too_large': '{name} (för stor för att sparas här; be medlemmen om filen)',
  'evidence.line.download_failed': '{name} (gick inte att hämta; be medlemmen om filen)',
  'evidence.link.gone': 'Filen finns inte längre, eller länken har gått ut. Be om en ny länk i ärendet.',
};
