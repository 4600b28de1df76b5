/**
 * After each unit test file: Create or Update's kept case directories are forgotten, so the wait that
 * drops an idle one (IDLE_MS) does not keep jest running.
 */
import { forgetDirectories } from '../../nodes/CaseStatus/caseSync';

afterAll(() => forgetDirectories());
