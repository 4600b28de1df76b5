import { buildCaseBody } from '../../../../nodes/CaseStatus/caseSync/caseBody';
import { caseLabel, readRefusal, reasonsFromBody } from '../../../../nodes/CaseStatus/caseSync/caseRefusal';
import { simplifyFile, simplifyMessage } from '../../../../nodes/CaseStatus/helpers/simplify';

describe('buildCaseBody', () => {
	const desired = {
		readableId: '2025-00137',
		integrationId: '516718',
		stage: 'Intake',
		attorneyEmails: ['a@x.com'],
		clients: [{ firstName: 'Ana', lastName: 'Ruiz', cellPhone: '(555) 201-3344' }],
	};

	it('writes Case Status field names and leaves out what was not given', () => {
		expect(buildCaseBody(desired)).toEqual({
			readable_id: '2025-00137',
			integration_id: '516718',
			stage: 'Intake',
			attorney_emails: ['a@x.com'],
			clients: [{ first_name: 'Ana', last_name: 'Ruiz', cell_phone: '(555) 201-3344' }],
		});
	});

	it('writes only the listed fields for an update', () => {
		expect(buildCaseBody(desired, ['stage'])).toEqual({ stage: 'Intake' });
	});

	it('closes and reopens in the same body: closed_date is the time of the write, or null', () => {
		const now = new Date('2026-01-05T10:00:00Z');
		expect(buildCaseBody({ ...desired, closed: true }, undefined, now)).toMatchObject({ closed_date: '2026-01-05T10:00:00.000Z' });
		expect(buildCaseBody({ stage: 'Intake', closed: false }, ['stage', 'closed'], now)).toEqual({ stage: 'Intake', closed_date: null });
		expect(buildCaseBody({ stage: 'Intake', closed: true }, ['stage'], now)).toEqual({ stage: 'Intake' });
	});
});

describe('case refusals', () => {
	it('reads the reasons of every Case Status error body shape', () => {
		expect(reasonsFromBody('{"errors":[{"field":"a","message":"One"},{"field":"b","message":"Two"}]}')).toEqual(['One', 'Two']);
		expect(reasonsFromBody({ detail: 'Not found.' })).toEqual(['Not found.']);
		expect(reasonsFromBody('plain text')).toEqual(['plain text']);
	});

	it('treats only 400, 409 and 422 as refusals', () => {
		const body = JSON.stringify({ errors: [{ field: 'stage', message: 'Stage not mapped: Appeal' }] });
		expect(readRefusal({ httpCode: '422', errorResponse: { body } })).toEqual({ httpCode: '422', reason: 'Stage not mapped: Appeal' });
		expect(readRefusal({ httpCode: '503', errorResponse: { body } })).toBeUndefined();
		expect(readRefusal(new Error('socket hang up'))).toBeUndefined();
	});

	it('names a case by whichever IDs are known', () => {
		expect(caseLabel({ readableId: '2025-00137', integrationId: '516718' })).toBe('2025-00137 (integration ID 516718)');
		expect(caseLabel({ integrationId: '516718' })).toBe('with integration ID 516718');
	});

});

describe('simplify', () => {
	it('shows a message with its direction in words', () => {
		expect(
			simplifyMessage({
				id: 1,
				type: 'incoming',
				content: 'Hi',
				sent_at: 's',
				created_at: 'c',
				readable_id: 'R',
				integration_id: 'I',
				sender_name: 'Ana',
				case_id: 9,
				external_id: null,
			}),
		).toEqual({
			messageId: 1,
			caseId: 9,
			readableId: 'R',
			integrationId: 'I',
			direction: 'fromClient',
			content: 'Hi',
			senderName: 'Ana',
			sentAt: 's',
			createdAt: 'c',
			externalId: null,
		});
	});

	it('shows a document without its short-lived link', () => {
		const simple = simplifyFile({
			id: 7,
			url: 'https://storage/signed',
			size: 3,
			case_id: '9',
			extension: 'pdf',
			file_name: 'a.pdf',
			content_type: 'application/pdf',
			created_at: 'c',
			updated_at: 'u',
			case_readable_id: 'R',
			case_practice_area: 'P',
			case_integration_id: 'I',
			uploaded_by: { id: 1, role: 'client' },
		});
		expect(simple).toEqual({
			fileId: 7,
			caseId: 9,
			readableId: 'R',
			integrationId: 'I',
			fileName: 'a.pdf',
			contentType: 'application/pdf',
			size: 3,
			uploadedBy: 'client',
			createdAt: 'c',
		});
		expect(JSON.stringify(simple)).not.toContain('signed');
	});
});

describe('generic refusal messages', () => {
	it('say which field they are about, in the node\'s words', () => {
		expect(reasonsFromBody({ errors: [{ field: 'practice_area', message: 'This field is required.' }] })).toEqual([
			'Practice Area: This field is required.',
		]);
		expect(reasonsFromBody({ errors: [{ field: 'clients[0].cell_phone', message: 'Cell phone invalid: 12' }] })).toEqual([
			'Cell phone invalid: 12',
		]);
	});
});
