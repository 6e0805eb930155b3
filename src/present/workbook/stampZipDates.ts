import { defaultTimeZone, wallClock } from '../../model/clock.js';

const endOfDirectorySignature = 0x06054b50;
const directoryEntrySignature = 0x02014b50;
const localHeaderSignature = 0x04034b50;

/** MS-DOS date and time words, the only clock a zip entry has (local wall time, 2 s steps, from 1980). */
function dosDateTime(date: Date, zone: string): { date: number; time: number } {
  const p = wallClock(date, zone);
  if (p.year < 1980) return { date: (1 << 5) | 1, time: 0 };
  return {
    date: ((p.year - 1980) << 9) | (p.month << 5) | p.day,
    time: (p.hour << 11) | (p.minute << 5) | Math.floor(p.second / 2),
  };
}

/**
 * Sets every entry's modification time in a zip to `date`, on the clock of `zone` (Beijing by default). exceljs zips with
 * JSZip, which stamps each entry with the wall clock of the machine at
 * write time, so the same workbook would otherwise differ byte for byte from
 * one build (and one time zone) to the next. Only the date fields change; the
 * entries' data and checksums are untouched.
 *
 * @example
 * const bytes = stampZipDates(await zipBytes(), new Date('2023-07-20T01:00:00Z'));
 */
export function stampZipDates(zip: Uint8Array, date: Date, zone?: string): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const end = findEndOfDirectory(view);
  const entries = view.getUint16(end + 10, true);
  const stamp = dosDateTime(date, zone ?? defaultTimeZone);
  let at = view.getUint32(end + 16, true);
  for (let i = 0; i < entries; i++) {
    if (view.getUint32(at, true) !== directoryEntrySignature) throw new Error('zip central directory is malformed');
    view.setUint16(at + 12, stamp.time, true);
    view.setUint16(at + 14, stamp.date, true);
    const local = view.getUint32(at + 42, true);
    if (view.getUint32(local, true) !== localHeaderSignature) throw new Error('zip local header is malformed');
    view.setUint16(local + 10, stamp.time, true);
    view.setUint16(local + 12, stamp.date, true);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return out;
}

function findEndOfDirectory(view: DataView): number {
  // The end record is 22 bytes plus a comment of up to 64 KiB, so search back from the end.
  for (let at = view.byteLength - 22; at >= Math.max(0, view.byteLength - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === endOfDirectorySignature) return at;
  }
  throw new Error('not a zip file: no end of central directory record');
}
