import axios from 'axios';

import { describeSimulators, startSimulators } from '../../simulators/cli';

describe('npm run simulators', () => {
	it('starts both services with the demo firm and prints working credentials', async () => {
		const sims = await startSimulators({ saPort: 0, csPort: 0, filePort: 0 });
		try {
			const text = describeSimulators(sims);
			expect(text).toContain(sims.smartAdvocateUrl);
			expect(text).toContain(sims.caseStatusUrl);
			const login = await axios.post(`${sims.smartAdvocateUrl}/CaseSyncAPI/Users/authenticate`, {
				Username: sims.firm.apiUser.username,
				Password: sims.firm.apiUser.password,
			});
			expect(text).toContain(`Username ${login.data.username}`);
			const messages = await axios.get(`${sims.caseStatusUrl}/v1/api/messages`, {
				headers: { Authorization: `ApiKey ${sims.firm.caseStatusApiKey}` },
			});
			expect(Array.isArray(messages.data)).toBe(true);
			expect(text).toContain(sims.firm.caseStatusApiKey);
		} finally {
			await sims.close();
		}
	});
});
