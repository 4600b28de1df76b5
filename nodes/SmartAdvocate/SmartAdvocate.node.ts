import type { INodeTypeBaseDescription, IVersionedNodeType } from 'n8n-workflow';
import { VersionedNodeType } from 'n8n-workflow';

import { SmartAdvocateV1 } from './v1/SmartAdvocateV1';

/** n8n's versioned-node pattern: a breaking change becomes v2/ beside v1/, and saved workflows keep v1. */
export class SmartAdvocate extends VersionedNodeType {
	constructor() {
		const baseDescription: INodeTypeBaseDescription = {
			displayName: 'SmartAdvocate',
			name: 'smartAdvocate',
			icon: { light: 'file:../../icons/smartadvocate.svg', dark: 'file:../../icons/smartadvocate.dark.svg' },
			group: ['transform'],
			subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
			description: 'Read cases and write notes and documents in SmartAdvocate case management',
			defaultVersion: 1,
		};
		const nodeVersions: IVersionedNodeType['nodeVersions'] = {
			1: new SmartAdvocateV1(baseDescription),
		};
		super(nodeVersions, baseDescription);
	}
}
