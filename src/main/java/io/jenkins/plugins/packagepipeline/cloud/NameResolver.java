package io.jenkins.plugins.packagepipeline.cloud;

import java.util.List;
import java.util.function.Function;
import org.openstack4j.api.OSClient.OSClientV3;
import org.openstack4j.model.compute.Flavor;
import org.openstack4j.model.image.v2.Image;
import org.openstack4j.model.network.Network;
import org.openstack4j.model.network.SecurityGroup;

/** Resolves the names-or-ids users give for images, flavors, networks and security groups to ids. */
final class NameResolver {
    private final OSClientV3 os;

    NameResolver(OSClientV3 os) {
        this.os = os;
    }

    String image(String nameOrId) {
        List<? extends Image> images = CloudResources.call("list images", () -> os.imagesV2().list());
        return pick("image", nameOrId, images, Image::getId, Image::getName);
    }

    String flavor(String nameOrId) {
        List<? extends Flavor> flavors = CloudResources.call("list flavors", () -> os.compute().flavors().list());
        return pick("flavor", nameOrId, flavors, Flavor::getId, Flavor::getName);
    }

    String network(String nameOrId) {
        List<? extends Network> networks = CloudResources.call("list networks", () -> os.networking().network().list());
        return pick("network", nameOrId, networks, Network::getId, Network::getName);
    }

    String securityGroup(String nameOrId) {
        List<? extends SecurityGroup> groups = CloudResources.call("list security groups",
                () -> os.networking().securitygroup().list());
        return pick("security group", nameOrId, groups, SecurityGroup::getId, SecurityGroup::getName);
    }

    void requireKeyPair(String name) {
        if (CloudResources.call("get key pair " + name, () -> os.compute().keypairs().get(name)) == null) {
            throw new CloudException(CloudException.Kind.NOT_FOUND, "Key pair '" + name + "' does not exist in "
                    + "this project; create it (openstack keypair create) or let the engine generate one");
        }
    }

    private static <T> String pick(String what, String nameOrId, List<? extends T> all, Function<T, String> id,
            Function<T, String> name) {
        for (T item : all) {
            if (nameOrId.equals(id.apply(item))) {
                return id.apply(item);
            }
        }
        List<? extends T> named = all.stream().filter(item -> nameOrId.equals(name.apply(item))).toList();
        if (named.size() == 1) {
            return id.apply(named.get(0));
        }
        if (named.isEmpty()) {
            List<String> known = all.stream().map(name).filter(n -> n != null && !n.isEmpty()).sorted().limit(20)
                    .toList();
            throw new CloudException(CloudException.Kind.NOT_FOUND, "No " + what + " named or with id '" + nameOrId
                    + "'; known: " + known);
        }
        throw new CloudException(CloudException.Kind.INVALID_REQUEST, named.size() + " " + what + "s are named '"
                + nameOrId + "'; give the id instead: " + named.stream().map(id).toList());
    }
}
