package io.jenkins.plugins.packagepipeline.cloud;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A provisioned server and everything created for it. {@link #toMap()} is what the Pipeline step returns and the
 * command line prints as JSON; it never contains the generated private key, which only {@link #privateKey()} gives
 * (once: OpenStack does not keep it). {@code toString()} never shows it either.
 *
 * @param id               server id
 * @param name             server name
 * @param allocation       the allocation id tagged on every resource of this instance ({@code destroy} accepts it)
 * @param status           server status when returned (ACTIVE)
 * @param addresses        fixed and floating addresses per network
 * @param floatingIp       the associated floating IP address, or null
 * @param keyPair          the key pair name (given or generated), or null
 * @param privateKey       the generated private key (PEM), or null when the key pair was not generated
 * @param ownership        the ownership tags
 * @param resources        every resource created, in creation order
 */
public record Instance(String id, String name, String allocation, String status, Map<String, List<String>> addresses,
        String floatingIp, String keyPair, String privateKey, Ownership ownership, List<CreatedResource> resources) {

    public Instance {
        addresses = Map.copyOf(addresses);
        resources = List.copyOf(resources);
    }

    /** The address to reach the instance at: the floating IP, else the first fixed address. */
    public String accessAddress() {
        if (floatingIp != null) {
            return floatingIp;
        }
        return addresses.values().stream().flatMap(List::stream).findFirst().orElse(null);
    }

    /** The ids of resources of one kind. */
    public List<String> idsOf(CreatedResource.Kind kind) {
        return resources.stream().filter(r -> r.kind() == kind).map(CreatedResource::id).toList();
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", id);
        map.put("name", name);
        map.put("allocation", allocation);
        map.put("status", status);
        map.put("address", accessAddress());
        map.put("floatingIp", floatingIp);
        map.put("addresses", addresses);
        map.put("keyPair", keyPair);
        map.put("keyPairGenerated", privateKey != null);
        map.put("volumes", idsOf(CreatedResource.Kind.VOLUME));
        map.put("ownership", ownership.toMetadata());
        map.put("resources", resources.stream().map(CreatedResource::toMap).toList());
        return map;
    }

    @Override
    public String toString() {
        return "Instance[" + name + " " + id + " " + status + ", address " + accessAddress() + ", allocation "
                + allocation + (privateKey == null ? "" : ", privateKey=****") + "]";
    }
}
