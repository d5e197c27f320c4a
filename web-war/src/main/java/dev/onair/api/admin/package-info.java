/** Administration (role admin, granted by onair.admins): the whole login history, searchable. */
package dev.onair.api.admin;
