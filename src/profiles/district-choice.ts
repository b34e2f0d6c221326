import { z } from 'zod';
import type { DialogService } from '../ports/dialog-service';
import type { Directory } from '../directory/directory';
import { tx } from '../engine/prompt';
import type { ProfileService } from './profile-service';

const choiceSchema = z.object({ districtId: z.string().min(1) });

/** The service of the district dialog: remembers the chosen district in the member's profile. */
export function createDistrictChoice(directory: Directory, profiles: ProfileService): DialogService {
  return {
    async handle(call) {
      if (call.name !== 'submit') throw new Error(`district choice: unknown effect "${call.name}"`);
      const { districtId } = choiceSchema.parse(call.payload);
      const district = directory.district(districtId);
      // The choices are the directory's districts; a stale button after a directory change is told so plainly.
      if (!district) return { prompts: [{ kind: 'message', text: tx('bot.district.unknown') }] };
      await profiles.rememberDistrict(call.session.userId, districtId);
      return { prompts: [{ kind: 'message', text: tx('bot.district.saved', { district: district.name }) }] };
    },
  };
}
