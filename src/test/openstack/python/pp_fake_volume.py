"""Cinder fake backend for integration tests (no LVM / iSCSI needed).
Based on cinder's own functional-test driver; image<->volume copies are no-ops
(upload-to-image pushes a tiny payload so the image becomes active)."""
import io
from cinder.tests import fake_driver


class NoStorageVolumeDriver(fake_driver.FakeLoggingVolumeDriver):
    def copy_image_to_volume(self, context, volume, image_service, image_id,
                             disable_sparse=False):
        pass

    def copy_image_to_encrypted_volume(self, context, volume, image_service,
                                       image_id):
        pass

    def copy_volume_to_image(self, context, volume, image_service, image_meta):
        meta = {'disk_format': image_meta.get('disk_format', 'raw'),
                'container_format': image_meta.get('container_format', 'bare')}
        image_service.update(context, image_meta['id'], meta,
                             io.BytesIO(b'\0' * 65536))

    def extend_volume(self, volume, new_size):
        pass

    def _update_volume_stats(self):
        super()._update_volume_stats()
        for pool in self._stats['pools']:
            pool['reserved_percentage'] = 0
            pool['thin_provisioning_support'] = True
