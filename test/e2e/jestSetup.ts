// A real n8n needs seconds to start and run a workflow; the e2e project allows it minutes.
jest.setTimeout(15 * 60 * 1000);
