/** English wording about the evidence files Vaktpost keeps and copies to the case's owner. */
export const evidenceEn: Record<string, string> = {
  'evidence.member.too_large':
    'The file {name} is too large to keep here (at most {limit} MB). Keep it yourself and do not delete it. Tell the person helping you that you have it.',
  'evidence.member.download_failed':
    'The file {name} could not be fetched. Please send it once more. Keep the original and delete nothing.',
  'evidence.owner.file': 'Evidence in case {number}: {name}\nSHA-256: {sha256}',
  'evidence.owner.link': 'Open the file (the link works for {hours} hours)',
  'evidence.line.kept': '{name} · SHA-256 {sha256}',
  'evidence.line.too_large': '{name} (too large to keep here; ask the member for the file)',
  'evidence.line.download_failed': '{name} (could not be fetched; ask the member for the file)',
  'evidence.link.gone': 'The file is no longer there, or the link has expired. Ask for a new link in the case.',
};
