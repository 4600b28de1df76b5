/**
 * # The case sync (Case Status → Case → Create or Update)
 *
 * What it does: each item describes a case as the case management system has it (integration ID =
 * SmartAdvocate's case ID). The sync finds the Case Status case with that integration ID, compares
 * the fields the item gives, and creates the case, writes only the changed fields, leaves it alone,
 * or (Preview Only) says what it would do. A case Case Status refuses fails its own item with the
 * reason and what to do; the rest of the run goes on.
 *
 * The files, in the order a run meets them:
 * - `autoMap.ts`, `caseInput.ts`  read the item into a DesiredCase (auto-map keys or node parameters)
 * - `caseFields.ts`               the synced fields, their normal forms and what "cleared" means
 * - `createOrUpdate.ts`           one item from start to end: look up, compare, write or preview
 * - `caseDirectory.ts`            which Case Status case carries an integration ID (lookups, or a
 *                                 kept list of the account's cases for big runs)
 * - `staff.ts`                    the firm's Case Status staff, to leave out (and name) unknown people
 * - `caseDiff.ts`                 which fields differ, with practice area and stage resolved by mapping
 * - `caseBody.ts`, `caseWrites.ts` the POST/PATCH body and the writes themselves
 * - `caseRefusal.ts`              a refused write read into a stable reason code and what to do about it
 * - `upsertPreview.ts`, `casePreview.ts` Preview Only: the same comparison, nothing written
 *
 * What it guarantees:
 * - One case per integration ID: items with the same ID take turns, cases the run writes join the
 *   directory at once, and a create refused as a duplicate (another run created it) updates that case.
 * - Nothing is reported "unchanged" that Case Status does not have: a case deleted there is created
 *   again by the next run that reads it (see caseDirectory.ts).
 * - Only differing fields are written, in one PATCH per case; an unchanged case costs no write.
 * - A case to create whose clients could not be read (`clientsNotRead`) is not sent without them: it
 *   fails with that reason (caseRefusal.ts), so staff are not told to add a client that exists.
 * - The kept directory is per account (credential ID, address and API key, the key only hashed),
 *   holds only the fields the sync compares, and is dropped IDLE_MS after its last use, even when no
 *   later run comes.
 */
export { syncCase } from './createOrUpdate';
export { forgetDirectories } from './caseDirectory';
