import { commandSuite } from "./support/command-suite.ts";

// The whole command set, answered through POST /interactions instead of the gateway (the endpoint's own
// refusals and its deadline are in http-interactions.test.ts).
commandSuite("http");
