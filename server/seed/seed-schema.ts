// The columns the seeder writes: what the server reads, plus the TEXT NOT NULL
// columns without a default that MySQL's strict mode insists on. Seeding only.
import type { SmfDatabase } from '../smf/schema';

export interface SeedDatabase extends Omit<SmfDatabase, 'categories' | 'members' | 'membergroups' | 'messages'> {
  categories: SmfDatabase['categories'] & { description: string };
  members: SmfDatabase['members'] & {
    member_name: string;
    date_registered: number;
    buddy_list: string;
    signature: string;
    ignore_boards: string;
  };
  membergroups: SmfDatabase['membergroups'] & { description: string };
  messages: SmfDatabase['messages'] & { id_msg_modified: number };
}

export type SeedRows = { [T in keyof SeedDatabase]: SeedDatabase[T][] };
