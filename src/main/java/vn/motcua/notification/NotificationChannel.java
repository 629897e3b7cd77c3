package vn.motcua.notification;

/** Kênh thông báo: how a message reaches a person. */
public enum NotificationChannel {
	EMAIL, SMS, ZALO
}
