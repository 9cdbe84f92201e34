import { and, eq, isNull, or, type SQL } from 'drizzle-orm';
import { students } from '../university/schema.js';
import { sittings } from './schema.js';

/**
 * Who is on a sitting's list, as a join condition between `students` and `sittings`: the
 * sitting's academic group, except that a make-up sitting is for the one student it was made for.
 */
export const onRoster = (): SQL =>
  and(
    eq(students.groupId, sittings.groupId),
    or(isNull(sittings.makeUpForStudentId), eq(sittings.makeUpForStudentId, students.userId)),
  ) as SQL;
