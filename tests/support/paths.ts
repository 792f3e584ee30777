import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const SAMPLE_PATH = fileURLToPath(new URL("../../examples/sample-breaking-news.txt", import.meta.url));
export const FIRE_PATH = fileURLToPath(new URL("../fixtures/warehouse-fire.txt", import.meta.url));
export const sampleText = () => readFileSync(SAMPLE_PATH, "utf8");
export const fireText = () => readFileSync(FIRE_PATH, "utf8");
