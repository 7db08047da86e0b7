/** What `gangway hub --help` prints: the one text both the hub (hub/cli.ts) and the device's CLI (main/cli/commands/hub.ts) show. */
export const hubUsage = `Usage: gangway hub [--data DIR] [--port N] [--host ADDRESS] [--ui-port N] [--agency NAME] [--no-ui] [--tsa URL]
       gangway hub code --role ROLE --agency AGENCY --user NAME [--url ws://HOST:PORT] [--data DIR]
       gangway hub devices [--data DIR]
       gangway hub revoke DEVICE_ID [--data DIR]
       gangway hub log [--doc NAME] [--data DIR]
       gangway hub forks [--data DIR]
       gangway hub results [--data DIR] [--by port,month] [--from DATE --to DATE] [--programme DATE] [--json|--csv]

Runs the port hub that devices sync with when they reach port, and manages
who may connect to it.
  --data DIR      hub data folder, holding hub.sqlite and evidence blobs
                  (default: $GANGWAY_HUB_DATA, else ./gangway-hub-data)
  --port N        port for devices (default: 1234)
  --host ADDRESS  address to listen on (default: 0.0.0.0, the port network)
  --tsa URL       an RFC 3161 time-stamping authority: every evidence-log checkpoint
                  the hub witnesses is timestamped there
  --ui-port N     port of the port office's browser UI (default: the hub port + 1);
                  it is enrolled with the hub as the port authority of --agency
                  (default: port-authority) and prints its address with a secret
  --no-ui         run the hub without the browser UI

  code      create a one-time enrolment code (text and QR) for one person's device;
            ROLE is inspector, union_rep or port_authority
  devices   list enrolled devices
  revoke    refuse a device from now on
  log       list every update the hub received, with device and user
  results   the impact figures from the audits' summaries: prevalence of forced labour
            and of each ILO indicator with 95 % intervals, illicit profit per crew member,
            by port, month, quarter, flag or owner (--by, up to three); --programme DATE
            compares audits before and after it. Small cells are withheld (disclosure
            control); --json and --csv print the public export (docs/impact-export.md)`;
