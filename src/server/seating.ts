// The teacher moves a student to another seat: into a seat with room, or (a full seat) by swapping with one of the
// students who hold it. A full seat is never overfilled: the move is refused with the seat's name and who holds it.
import { isCountry, type CountryId } from '../../engine/index.ts';
import type { ClassRoom } from './classroom.ts';
import { HttpError, type Hub } from './hub.ts';
import { COUNTRY_NAME } from '../classroom/names.ts';

const names = (ls: string[]) => (ls.length < 2 ? ls.join('') : `${ls.slice(0, -1).join(', ')} and ${ls[ls.length - 1]}`);

/** Move `student` to world `w`'s country `c` (swapping with `swapWith`, who must sit there), under the class's lock;
 * returns the students moved, with where they went (each gets a `moved` push). */
export async function moveStudent(hub: Hub, cls: ClassRoom, student: string, w: number, c: CountryId, swapWith?: string): Promise<{ student: string; world: number; country: CountryId }[]> {
  const st = cls.students.get(student);
  if (!st) throw new HttpError(404, `no student ${student}`, 'noStudent', { student });
  if (w >= cls.worlds.length || !isCountry(c)) throw new HttpError(400, `no seat ${c} in world ${w + 1}`, 'noSeat', { country: String(c), world: w + 1 });
  if (!st.away && st.world === w && st.country === c) return [];
  const where = `world ${w + 1} ${COUNTRY_NAME[c]}`;
  const seat = cls.seat(w, c);
  const cap = cls.config.seatsPerCountry;
  const holders = seat.students.map((id) => cls.students.get(id)!.label);
  if (swapWith !== undefined) {
    const other = cls.students.get(swapWith);
    if (!other || !seat.students.includes(swapWith)) throw new HttpError(409, `${other?.label ?? swapWith} no longer sits at ${where}${holders.length ? ` (${names(holders)} ${holders.length === 1 ? 'does' : 'do'})` : ''}: nobody was moved`, 'noLongerSits', { who: other?.label ?? swapWith, country: c, world: w + 1, holders });
    if (st.away) throw new HttpError(409, `${st.label} was revoked and has no seat to swap: move them into a seat with room`, 'revokedNoSwap', { label: st.label });
    const back = { world: st.world, country: st.country };
    // two events under the class's lock: nobody sees the moment between them (a seat one over its number)
    await hub.emit(cls, 'move', { student: swapWith, world: back.world, country: back.country });
    await hub.emit(cls, 'move', { student, world: w, country: c });
    return [{ student, world: w, country: c }, { student: swapWith, ...back }];
  }
  if (seat.students.length >= cap)
    throw new HttpError(409, `${where} is full (${cap} student${cap === 1 ? '' : 's'} per country): ${names(holders)} ${holders.length === 1 ? 'holds' : 'hold'} it. Swap ${st.label} with ${holders.length === 1 ? holders[0] : 'one of them'} ('swap with …' in the menu), or move ${holders.length === 1 ? 'them' : 'one of them'} out first.`, 'seatFull', { country: c, world: w + 1, cap, holders, label: st.label });
  await hub.emit(cls, 'move', { student, world: w, country: c });
  return [{ student, world: w, country: c }];
}
