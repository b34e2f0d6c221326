import type { AttachmentRef } from '../domain/report';
import { raw, tx, type Text } from '../engine/prompt';

/**
 * One evidence file as the owner's case view and the Bilaga 4 export show it: its name with the SHA-256 recorded at
 * arrival (so a copy can be checked against it), or with why Vaktpost could not keep it.
 */
export function evidenceLine(file: AttachmentRef): Text {
  const name = raw(file.name);
  if (file.sha256) return tx('evidence.line.kept', { name, sha256: file.sha256 });
  if (file.refused) return tx(`evidence.line.${file.refused}`, { name });
  return raw(file.url ? `${file.name}: ${file.url}` : file.name);
}
