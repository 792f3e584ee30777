import { commandSuite } from "./support/command-suite.ts";

commandSuite("gateway");
