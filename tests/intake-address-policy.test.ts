import { describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.ts";
import { AllowList, isPublicAddress, parseAllowHosts } from "../src/intake/address-policy.ts";

describe("address policy", () => {
  const refused = [
    "127.0.0.1",
    "127.1.2.3",
    "10.0.0.1",
    "172.16.0.1",
    "172.31.255.254",
    "192.168.1.1",
    "169.254.169.254",
    "100.64.0.1",
    "0.0.0.0",
    "255.255.255.255",
    "224.0.0.1",
    "192.0.2.10",
    "198.18.0.1",
    "240.0.0.1",
    "::",
    "::1",
    "fe80::1",
    "fe80::1%eth0",
    "fc00::1",
    "fd12:3456::1",
    "ff02::1",
    "::ffff:127.0.0.1",
    "::ffff:10.0.0.1",
    "::ffff:169.254.169.254",
    "64:ff9b::7f00:1",
    "64:ff9b::a00:1",
    "2002:7f00:1::1",
    "2001:0:4136:e378:8000:63bf:3fff:fdd2",
    "2001:db8::1",
    "[::1]",
    "not-an-address",
    "",
  ];
  it.each(refused)("refuses %s", (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  const allowed = [
    "93.184.216.34",
    "8.8.8.8",
    "2606:4700::1111",
    "::ffff:93.184.216.34",
    "64:ff9b::5db8:d822",
  ];
  it.each(allowed)("allows the public address %s", (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });
});

describe("FETCH_ALLOW_HOSTS", () => {
  it("is empty by default and parsed to host:port entries", () => {
    expect(loadConfig({}).FETCH_ALLOW_HOSTS).toEqual([]);
    expect(loadConfig({ FETCH_ALLOW_HOSTS: " 127.0.0.1:8080, [::1]:9000 ,," }).FETCH_ALLOW_HOSTS).toEqual([
      "127.0.0.1:8080",
      "[::1]:9000",
    ]);
  });

  it("rejects an entry without a port", () => {
    expect(() => loadConfig({ FETCH_ALLOW_HOSTS: "127.0.0.1" })).toThrow(/FETCH_ALLOW_HOSTS/);
    expect(() => parseAllowHosts("intranet.local:80,http://x:1")).toThrow(/host:port/);
  });

  it("matches exactly the host and port, whatever the spelling of the address", () => {
    const list = new AllowList(["127.0.0.1:8080", "[0:0:0:0:0:0:0:1]:9000", "Intranet.Local:80"]);
    expect(list.allows("127.0.0.1", 8080)).toBe(true);
    expect(list.allows("127.0.0.1", 8081)).toBe(false);
    expect(list.allows("127.0.0.2", 8080)).toBe(false);
    expect(list.allows("[::1]", 9000)).toBe(true);
    expect(list.allows("::1", 9000)).toBe(true);
    expect(list.allows("intranet.local", 80)).toBe(true);
  });

  it("has defaults for the fetch limits", () => {
    const config = loadConfig({});
    expect(config.FETCH_TIMEOUT_MS).toBe(15_000);
    expect(config.FETCH_MAX_BYTES).toBe(5_000_000);
    expect(config.FETCH_MAX_REDIRECTS).toBe(5);
  });
});
