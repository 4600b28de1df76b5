/** Two projects: `unit` (fast: pure logic, nodes against in-process simulators) and `e2e` (a real n8n). */
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.test.json' }];

module.exports = {
	projects: [
		{
			displayName: 'unit',
			testEnvironment: 'node',
			roots: ['<rootDir>/test'],
			testMatch: ['**/*.test.ts'],
			testPathIgnorePatterns: ['/node_modules/', '\\.e2e\\.test\\.ts$'],
			transform: { '^.+\\.ts$': tsJest },
			setupFilesAfterEnv: ['<rootDir>/test/support/unitSetup.ts'],
		},
		{
			displayName: 'e2e',
			testEnvironment: 'node',
			roots: ['<rootDir>/test/e2e'],
			testMatch: ['**/*.e2e.test.ts'],
			transform: { '^.+\\.ts$': tsJest },
			setupFilesAfterEnv: ['<rootDir>/test/e2e/jestSetup.ts'],
		},
	],
};
