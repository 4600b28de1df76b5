import type { INodeTypeBaseDescription, IVersionedNodeType } from 'n8n-workflow';
import { VersionedNodeType } from 'n8n-workflow';

import { CaseStatusV1 } from './v1/CaseStatusV1';

/** n8n's versioned-node pattern: a breaking change becomes v2/ beside v1/, and saved workflows keep v1. */
export class CaseStatus extends VersionedNodeType {
	constructor() {
		const baseDescription: INodeTypeBaseDescription = {
			displayName: 'Case Status',
			name: 'caseStatus',
			icon: { light: 'file:../../icons/casestatus.svg', dark: 'file:../../icons/casestatus.dark.svg' },
			group: ['transform'],
			subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
			description: 'Create and update cases, send messages and share documents in the Case Status client portal',
			defaultVersion: 1,
		};
		const nodeVersions: IVersionedNodeType['nodeVersions'] = {
			1: new CaseStatusV1(baseDescription),
		};
		super(nodeVersions, baseDescription);
	}
}
