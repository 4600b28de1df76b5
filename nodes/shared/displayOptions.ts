import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

/** Shows every given parameter only for the given resource/operation (merged into its own displayOptions). */
export function showOnlyFor(show: IDisplayOptions['show'], properties: INodeProperties[]): INodeProperties[] {
	return properties.map((property) => ({
		...property,
		displayOptions: {
			...property.displayOptions,
			show: { ...(property.displayOptions?.show ?? {}), ...show },
		},
	}));
}
