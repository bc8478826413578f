// Registers platform instances in ZooKeeper with the real Apache Curator ServiceDiscovery
// (Debian's libcurator-discovery-java), on commands read from stdin, one per line:
//
//   register ID ADDRESS PORT [sequential]   registerService (DYNAMIC or DYNAMIC_SEQUENTIAL)
//   update ID KEY=VALUE...                  updateService; keys: enabled, address, port
//   reregister ID                           registerService again for a known id
//   unregister ID                           unregisterService
//   close                                   closes discovery and the client, then exits
//
// Each command is answered with "ok COMMAND ID" or "error COMMAND: MESSAGE". Connection
// state changes are printed as "state NAME". Arguments: CONNECT_STRING BASE_PATH SERVICE.

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryForever;
import org.apache.curator.x.discovery.ServiceDiscovery;
import org.apache.curator.x.discovery.ServiceDiscoveryBuilder;
import org.apache.curator.x.discovery.ServiceInstance;
import org.apache.curator.x.discovery.ServiceType;
import org.apache.curator.x.discovery.details.JsonInstanceSerializer;

public final class CuratorDriver {
    private static final int SessionTimeoutMs = 10000;
    private static final int ConnectionTimeoutMs = 5000;
    private static final int RetryIntervalMs = 200;

    private final String service;
    private final ServiceDiscovery<Void> discovery;
    private final Map<String, ServiceInstance<Void>> instances = new HashMap<>();

    private CuratorDriver(CuratorFramework client, String basePath, String service) {
        this.service = service;
        this.discovery = ServiceDiscoveryBuilder.builder(Void.class)
                .client(client)
                .basePath(basePath)
                // Not Curator's compatible mode: "enabled" is written, as config.md §4 shows.
                .serializer(new JsonInstanceSerializer<>(Void.class, false))
                .watchInstances(false)
                .build();
    }

    public static void main(String[] args) throws Exception {
        CuratorFramework client = CuratorFrameworkFactory.newClient(
                args[0], SessionTimeoutMs, ConnectionTimeoutMs, new RetryForever(RetryIntervalMs));
        client.start();
        CuratorDriver driver = new CuratorDriver(client, args[1], args[2]);
        driver.discovery.start();
        client.getConnectionStateListenable().addListener(
                (c, state) -> System.out.println("state " + state));
        System.out.println("ready");
        BufferedReader in = new BufferedReader(
                new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String[] words = line.trim().split("\\s+");
            if (words[0].equals("close"))
                break;
            try {
                driver.run(words);
                System.out.println("ok " + words[0] + " " + words[1]);
            } catch (Exception e) {
                System.out.println("error " + words[0] + ": " + e);
            }
        }
        driver.discovery.close();
        client.close();
        System.out.println("closed");
    }

    private void run(String[] words) throws Exception {
        String id = words[1];
        switch (words[0]) {
        case "register": {
            boolean sequential = words.length > 4 && words[4].equals("sequential");
            ServiceInstance<Void> instance = ServiceInstance.<Void>builder()
                    .name(service)
                    .id(id)
                    .address(words[2])
                    .port(Integer.parseInt(words[3]))
                    .serviceType(sequential ? ServiceType.DYNAMIC_SEQUENTIAL : ServiceType.DYNAMIC)
                    .build();
            instances.put(id, instance);
            discovery.registerService(instance);
            break;
        }
        case "update": {
            ServiceInstance<Void> old = instances.get(id);
            String address = old.getAddress();
            int port = old.getPort();
            boolean enabled = old.isEnabled();
            for (int i = 2; i < words.length; ++i) {
                String[] pair = words[i].split("=", 2);
                switch (pair[0]) {
                case "enabled": enabled = Boolean.parseBoolean(pair[1]); break;
                case "address": address = pair[1]; break;
                case "port": port = Integer.parseInt(pair[1]); break;
                default: throw new IllegalArgumentException("unknown key " + pair[0]);
                }
            }
            ServiceInstance<Void> updated = ServiceInstance.<Void>builder()
                    .name(service)
                    .id(id)
                    .address(address)
                    .port(port)
                    .serviceType(old.getServiceType())
                    .enabled(enabled)
                    .build();
            instances.put(id, updated);
            discovery.updateService(updated);
            break;
        }
        case "reregister":
            discovery.registerService(instances.get(id));
            break;
        case "unregister":
            discovery.unregisterService(instances.remove(id));
            break;
        default:
            throw new IllegalArgumentException("unknown command");
        }
    }
}
